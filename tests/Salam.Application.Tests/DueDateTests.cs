using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Time;
using Salam.Application.Duties.Commands.AssignDuty;

namespace Salam.Application.Tests;

/// <summary>A duty carries the due day picked on the calendar: today or later by the programme's clock, and not years away.</summary>
public sealed class DueDateTests(DemoCountryFixture fixture) : IClassFixture<DemoCountryFixture>
{
    private Testing.TestApp App => fixture.App;

    private async Task<(int Place, int Welfare)> PardisanAsync() => await App.ReadAsync(async db => (
        await db.Neighbourhoods.Where(n => n.NameFa == "پردیسان").Select(n => n.Id).SingleAsync(),
        await db.Agencies.Where(a => a.NameEn == WelfareDuties.Agency).Select(a => a.Id).SingleAsync()));

    private Task<int> DutyCountAsync() => App.ReadAsync(db => db.Duties.CountAsync());

    [Theory]
    [InlineData(0)]
    [InlineData(AssignDutyValidator.MaxDaysAhead)]
    public async Task Today_and_the_last_day_two_years_ahead_are_accepted(int daysAhead)
    {
        var (place, welfare) = await PardisanAsync();
        var due = App.Clock.Today().AddDays(daysAhead);
        var id = await App.SendAsync<int>(await App.PrincipalOfAsync("facilitator.pardisan"), new AssignDuty(place, welfare, null, $"مهلت {daysAhead}", "", due));
        Assert.Equal(due, await App.ReadAsync(db => db.Duties.Where(d => d.Id == id).Select(d => d.DueDate).SingleAsync()));
    }

    [Theory]
    [InlineData(-1, "گذشته")]
    [InlineData(AssignDutyValidator.MaxDaysAhead + 1, "دو سال")]
    [InlineData(3650, "دو سال")]
    public async Task A_due_date_in_the_past_or_too_far_ahead_is_refused_with_a_message_and_writes_nothing(int daysAhead, string said)
    {
        var (place, welfare) = await PardisanAsync();
        var before = await DutyCountAsync();

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(async () => await App.SendAsync<int>(
            await App.PrincipalOfAsync("facilitator.pardisan"), new AssignDuty(place, welfare, null, "مهلت نادرست", "", App.Clock.Today().AddDays(daysAhead))));

        Assert.Contains(said, refused.Message);
        Assert.Equal(before, await DutyCountAsync());
    }
}
