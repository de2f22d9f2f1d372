using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Salam.Domain.Common;
using Salam.Domain.Duties;
using Salam.Domain.People;
using Salam.Domain.Rounds;
using Salam.Infrastructure.Persistence;
using Salam.Testing;

namespace Salam.Web.Tests.Notifications;

/// <summary>The follow button of a duty on the resident's home page, pressed over plain HTTP posts as a phone without script would.</summary>
public sealed class DutyFollowPageTests(SalamWebFactory factory) : IClassFixture<SalamWebFactory>
{
    private const string Payload = "<script>alert('x')</script><img src=x onerror=alert(1)>";

    /// <summary>A duty on the first priority of Pardisan's latest published round, with a title that tries to inject markup, and a fresh resident.</summary>
    private async Task<(int DutyId, string Mobile)> ArrangeAsync()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SalamDbContext>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var place = await db.Neighbourhoods.Where(n => n.NameFa == "پردیسان").Select(n => n.Id).SingleAsync();
        var round = await db.PriorityRounds.AsNoTracking().Include(r => r.Results).Where(r => r.NeighbourhoodId == place && r.Status == RoundStatus.Published)
            .OrderByDescending(r => r.ClosesAt).FirstAsync();
        var need = round.Results.OrderBy(r => r.Position).First().NeedId;
        var agency = await db.Agencies.Where(a => a.NameEn == "Qom Province Welfare Directorate").Select(a => a.Id).SingleAsync();
        var duty = new Duty(agency, place, need, $"نور {Payload}", "", ProgrammeCalendar.DayOf(now).AddDays(9), 1, now);
        db.Duties.Add(duty);
        var mobile = $"0937{Random.Shared.Next(5_000_000, 5_999_999):D7}";
        db.Residents.Add(new Resident(place, "ساکن دنبال‌کننده", MobileNumber.Parse(mobile), null, now));
        await db.SaveChangesAsync();
        return (duty.Id, mobile);
    }

    private async Task<int> FollowsAsync(int dutyId)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<SalamDbContext>().DutyFollows.CountAsync(f => f.DutyId == dutyId);
    }

    [Fact]
    public async Task A_resident_follows_and_unfollows_a_duty_from_their_home_page_without_script()
    {
        var (dutyId, mobile) = await ArrangeAsync();
        var client = factory.NewClient();
        await client.SignInResidentAsync(factory, mobile);

        var page = await client.GetStringAsync("/resident");
        Assert.DoesNotContain("<script>alert", page);
        Assert.DoesNotContain("<img src=x", page);
        var form = new HtmlParser().ParseDocument(page).QuerySelector($".duty-follow-form[data-duty-id='{dutyId}']");
        Assert.NotNull(form);
        Assert.Equal("true", form.QuerySelector("input[name=Follow]")!.GetAttribute("value"));
        Assert.Equal("دنبال کردن", form.QuerySelector("button.duty-follow")!.TextContent.Trim());
        Assert.Equal($"دنبال کردن «نور {Payload}»", form.QuerySelector("button.duty-follow")!.GetAttribute("aria-label"));

        var posted = await client.SubmitAsync("/resident", $"[follow-{dutyId}]follow", new Dictionary<string, string> { ["Follow"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var after = await client.FollowAsync(posted);
        Assert.Contains("این کار را دنبال می‌کنید", after);
        Assert.Equal(1, await FollowsAsync(dutyId));
        var followed = new HtmlParser().ParseDocument(after).QuerySelector($".duty-follow-form[data-duty-id='{dutyId}']")!;
        Assert.Equal("false", followed.QuerySelector("input[name=Follow]")!.GetAttribute("value"));
        Assert.Equal("لغو دنبال کردن", followed.QuerySelector("button.duty-follow")!.TextContent.Trim());

        var unposted = await client.SubmitAsync("/resident", $"[follow-{dutyId}]follow", new Dictionary<string, string> { ["Follow"] = "false" });
        Assert.Contains("دیگر دربارهٔ این کار پیامکی نمی‌فرستیم", await client.FollowAsync(unposted));
        Assert.Equal(0, await FollowsAsync(dutyId));
    }
}
