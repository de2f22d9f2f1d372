using Bunit;
using Salam.Application.Home.Queries;
using Salam.Application.Meetings.Queries.GetMeeting;
using Salam.Domain.Duties;
using Salam.Domain.Meetings;
using Salam.Domain.People;
using Salam.Web.Components.Pages.Meetings.Minutes;
using Salam.Web.Localization;

namespace Salam.Web.Tests.Minutes;

/// <summary>A published decision as a resident reads it: what, by whom, and the progress of the duty it became.</summary>
public sealed class PublicDecisionTests : ComponentTest
{
    private static DecisionRow Decision(DecisionDutyStatus? duty, int? amends = null, int? amendedBy = null) => new(3, 2, DecisionKind.AgencyDuty,
        "آسفالت کوچه‌های خیابان ۱۲", "تا پیش از بارندگی", new PlaceName("شهرداری قم", "Qom Municipality"), new PlaceName("پردیسان", "Pardisan"),
        new DateOnly(2026, 12, 20), null, null, VolunteerSkill.None, amends, amendedBy, duty);

    [Fact]
    public void An_overdue_duty_shows_its_status_percent_due_date_and_that_it_is_past_due()
    {
        Use(Cultures.Persian);
        var duty = new DecisionDutyStatus(90, DutyStatus.InProgress, 35, new DateOnly(2026, 12, 20), IsOverdue: true, DoneOnTime: false, DateTimeOffset.UnixEpoch);

        var cut = Render<PublicDecision>(p => p.Add(d => d.Decision, Decision(duty)));

        Assert.Equal("2", cut.Find("li.public-decision").GetAttribute("data-decision-number"));
        Assert.Contains("تصمیم ۲:", cut.Find(".public-decision-head").TextContent);
        Assert.Contains("شهرداری قم، پردیسان", cut.Markup);
        var progress = cut.Find(".public-decision-progress");
        Assert.Contains("در حال انجام", progress.TextContent);
        Assert.Contains("۳۵٪", progress.TextContent);
        Assert.Contains("۲۹ آذر ۱۴۰۵", progress.TextContent);
        Assert.Contains("از مهلت گذشته", progress.TextContent);
        Assert.Equal("35", progress.QuerySelector("progress")!.GetAttribute("value"));
    }

    [Fact]
    public void An_amendment_says_which_decision_it_corrects_and_a_decision_without_a_duty_shows_no_progress()
    {
        Use(Cultures.English);

        var cut = Render<PublicDecision>(p => p.Add(d => d.Decision, Decision(duty: null, amends: 1)));

        Assert.Contains("Amends decision 1", cut.Find(".public-decision-head").TextContent);
        Assert.Empty(cut.FindAll(".public-decision-progress"));
    }
}
