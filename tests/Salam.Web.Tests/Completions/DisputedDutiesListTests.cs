using System.Security.Claims;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Completions.Commands.AnswerCompletionCheck;
using Salam.Application.Duties.Commands.AdvanceDuty;
using Salam.Application.Duties.Commands.AssignDuty;
using Salam.Application.Duties.Common;
using Salam.Application.Common.Time;
using Salam.Domain.Duties;
using Salam.Domain.People;
using Salam.Testing;
using Salam.Web.Components.Pages.Duties;
using Salam.Web.Localization;

namespace Salam.Web.Tests.Completions;

/// <summary>The officer's list of disputed duties: each with its answers and the residents' notes, shown as text; nothing of another province.</summary>
public sealed class DisputedDutiesListTests : StaffComponentTest
{
    private const string Payload = "<img src=x onerror=alert(1)> javascript:alert(2) <script>alert(3)</script>";

    /// <summary>A duty of Pardisan marked Done and disputed by five fresh residents, the first of whose notes is a payload.</summary>
    private static async Task<int> DisputedDutyAsync(TestApp app)
    {
        var (place, welfare) = await app.ReadAsync(async db => (
            await db.Neighbourhoods.Where(n => n.NameFa == "پردیسان").Select(n => n.Id).SingleAsync(),
            await db.Agencies.Where(a => a.NameEn == "Qom Province Welfare Directorate").Select(a => a.Id).SingleAsync()));
        var id = await app.SendAsync<int>(await app.PrincipalOfAsync("facilitator.pardisan"), new AssignDuty(place, welfare, null, "نور کوچه", "", app.Clock.Today().AddDays(9)));
        var manager = await app.PrincipalOfAsync("agency.qom.welfare");
        var version = await app.ReadAsync(db => db.Duties.Where(d => d.Id == id).Select(d => d.Version).SingleAsync());
        var accepted = await app.SendAsync<DutyState>(manager, new AdvanceDuty(id, DutyStatus.Accepted, 0, null, version));
        await app.SendAsync<DutyState>(manager, new AdvanceDuty(id, DutyStatus.Done, 100, null, accepted.Version));
        for (var i = 0; i < CompletionCheck.DisputeThreshold; i++)
        {
            var mobile = $"0936{i + 5500000:D7}";
            await app.ReadAsync(async db => { db.Residents.Add(new Resident(place, "ساکن", MobileNumber.Parse(mobile), null, app.Clock.GetUtcNow())); return await db.SaveChangesAsync(); });
            ClaimsPrincipal resident = await app.ResidentPrincipalAsync(mobile);
            await app.SendAsync<CompletionAnswered>(resident, new AnswerCompletionCheck(id, CompletionAnswer.No, i == 0 ? Payload : $"خاموش {i}"));
        }
        return id;
    }

    [Fact]
    public async Task The_officer_sees_the_disputed_duty_with_its_answers_and_notes_as_text()
    {
        Use(Cultures.English);
        await using var app = await TestApp.StartAsync();
        var dutyId = await DisputedDutyAsync(app);
        await SignInAsync(app, "officer.qom");

        SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
        var list = Render<DisputedDutiesList>();

        list.WaitForAssertion(() => Assert.NotNull(list.Find($".disputed-duty[data-duty-id='{dutyId}']")), TimeSpan.FromSeconds(10));
        var duty = list.Find($".disputed-duty[data-duty-id='{dutyId}']");
        Assert.Contains("Answers: yes 0 · partly 0 · no 5", duty.TextContent);
        var notes = duty.QuerySelectorAll(".disputed-note").Select(n => n.TextContent).ToList();
        Assert.Equal(CompletionCheck.DisputeThreshold, notes.Count);
        Assert.Equal(Payload, notes[0]);
        Assert.Empty(duty.QuerySelectorAll("img, script"));
        Assert.Equal($"/duties/{dutyId}", duty.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Another_province_s_officer_sees_none_of_it()
    {
        await using var app = await TestApp.StartAsync();
        var dutyId = await DisputedDutyAsync(app);
        await SignInAsync(app, "officer.mazandaran");

        SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
        var list = Render<DisputedDutiesList>();

        // Loaded: either the province's own disputed duties or the line that says there are none.
        list.WaitForAssertion(() => Assert.NotEmpty(list.FindAll(".disputed-duty, .disputed-none")), TimeSpan.FromSeconds(10));
        Assert.Empty(list.FindAll($".disputed-duty[data-duty-id='{dutyId}']"));
    }
}
