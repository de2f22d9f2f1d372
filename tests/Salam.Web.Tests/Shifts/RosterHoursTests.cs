using Bunit;
using Salam.Application.Home.Queries;
using Salam.Application.Volunteers.Queries;
using Salam.Domain.People;
using Salam.Web.Components.Shared;
using Salam.Web.Localization;

namespace Salam.Web.Tests.Shifts;

/// <summary>The roster's hours column: attended minutes of the last 90 days, said as hours and minutes in the reader's digits.</summary>
public sealed class RosterHoursTests : ComponentTest
{
    private static RosterRow Row(int id, int minutes) => new(id, $"داوطلب {id}", 1, new PlaceName("پردیسان", "Pardisan"), VolunteerSkill.Cooking, Weekdays.Monday, 4,
        VolunteerStatus.Active, false, DateTimeOffset.UnixEpoch, null, null, 0, minutes);

    [Theory]
    [InlineData(Cultures.Persian, new[] { "۲ ساعت و ۳۰ دقیقه", "۰", "۴۵ دقیقه" })]
    [InlineData(Cultures.English, new[] { "2 h 30 min", "0", "45 min" })]
    public void Each_volunteers_hours_of_the_last_90_days_are_shown(string culture, string[] expected)
    {
        Use(culture);
        Render<MudBlazor.MudPopoverProvider>();
        var table = Render<VolunteerRosterTable>(p => p.Add(t => t.Load, (_, _) =>
            Task.FromResult(new VolunteerRoster([], [Row(1, 150), Row(2, 0), Row(3, 45)], 3, false))));

        table.WaitForAssertion(() => Assert.Equal(expected, table.FindAll(".salam-roster-hours").Select(c => c.TextContent.Trim()).ToArray()));
    }
}
