using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Salam.Domain.Duties;
using Salam.Domain.Meetings;
using Salam.Infrastructure.Persistence.Seeding;
using Salam.Testing;
using Salam.Web.Common;
using Salam.Web.Components.Pages.Meetings.Minutes;
using Salam.Web.Localization;
using Salam.Web.Tests.MeetingReport;

namespace Salam.Web.Tests.Minutes;

/// <summary>
/// A resident's public minutes over the real application: published public minutes of their neighbourhood, rendered only through
/// the sanitising Markdown view, with every decision and its duty's progress; private minutes stay out.
/// </summary>
public sealed class PublicMinutesPageTests : ComponentTest
{
    private const string Public = "جلسهٔ عمومی پردیسان";
    private const string Private = "جلسهٔ داخلی پردیسان";
    private const string Hostile = "## گزارش جلسه\n\n- **آب** و فاضلاب\n\n<script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1))";

    [Fact]
    public async Task A_resident_reads_the_public_minutes_safely_with_each_decision_and_its_duty_progress()
    {
        Use(Cultures.Persian);
        await using var app = await TestApp.StartAsync();
        var (pardisan, welfare) = await MeetingReportPageTests.PardisanAndWelfareAsync(app);
        var due = DateOnly.FromDateTime(app.Clock.GetUtcNow().AddDays(30).UtcDateTime);
        var meeting = await app.PlanMeetingAsync(MeetingScope.Neighbourhood, pardisan, app.Clock.GetUtcNow().AddDays(-10), [welfare], title: Public);
        await app.HoldAsync(meeting);
        await app.WriteMinutesAsync(meeting, Hostile, isPublic: true);
        await app.DecideAsync(meeting, MeetingArrange.AgencyDecision(welfare, pardisan, due, "کلاس مهارت‌آموزی"));
        await app.DecideAsync(meeting, MeetingArrange.AgencyDecision(welfare, pardisan, due, "بازدید از مرکز"));
        var duties = await app.PublishAsync(meeting);
        await app.AdvanceDutyAsync(duties[0], DutyStatus.InProgress, app.Clock.GetUtcNow());
        await app.ArrangeMeetingAsync(MeetingStatus.MinutesPublished, MeetingScope.Neighbourhood, pardisan, title: Private, minutesPublic: false);
        await SignInResidentAsync(app, DemoDataSeeder.FirstResidentMobile);

        var cut = Render<PublicMinutesPage>();

        cut.WaitForElement(".public-minutes-item");
        var item = Assert.Single(cut.FindAll(".public-minutes-item"));
        Assert.Contains(Public, item.QuerySelector("h2")!.TextContent);
        Assert.DoesNotContain(Private, cut.Markup);
        Assert.Equal("گزارش جلسه", item.QuerySelector(".salam-markdown h2")!.TextContent);
        Minutes.HtmlAssert.HoldsNothingActive(cut.Find(".public-minutes").OuterHtml);
        Assert.Contains("۱۲ نفر", item.QuerySelector(".public-minutes-organisations")!.TextContent);
        var decisions = item.QuerySelectorAll(".public-decision");
        Assert.Equal(2, decisions.Length);
        var progress = decisions[0].QuerySelector(".public-decision-progress")!.TextContent;
        Assert.Contains("در حال انجام", progress);
        Assert.Contains("۵۰٪", progress);
        Assert.Contains("ابلاغ‌شده", decisions[1].QuerySelector(".public-decision-progress")!.TextContent);
    }

    private async Task SignInResidentAsync(TestApp app, string mobile)
    {
        var user = await app.ResidentPrincipalAsync(mobile);
        Services.AddSingleton<TimeProvider>(app.Clock);
        var authorization = AddAuthorization();
        authorization.SetAuthorized(user.Identity!.Name!);
        authorization.SetRoles([.. user.FindAll(ClaimTypes.Role).Select(c => c.Value)]);
        authorization.SetClaims([.. user.Claims.Where(c => c.Type is not ClaimTypes.Role and not ClaimTypes.Name)]);
        Services.AddScoped(sp => new RequestSender(app.Services.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<AuthenticationStateProvider>()));
    }
}
