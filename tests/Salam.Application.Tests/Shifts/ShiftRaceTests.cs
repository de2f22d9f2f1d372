using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Localization;
using Salam.Application.Shifts.Commands.CreateNationalEvent;
using Salam.Application.Shifts.Common;
using Salam.Domain.People;
using static Salam.Application.Tests.Shifts.ShiftScene;

namespace Salam.Application.Tests.Shifts;

/// <summary>Requests that arrive together: the last place, a double click, two ministry desks creating the same national day.</summary>
public sealed class ShiftRaceTests(DemoCountryFixture fixture) : IClassFixture<DemoCountryFixture>
{
    private const int Rounds = 6;

    private Testing.TestApp App => fixture.App;

    [Fact]
    public async Task Two_volunteers_racing_for_the_last_place_one_is_booked_and_the_other_hears_full()
    {
        var p = await PlacesAsync(App);
        for (var round = 0; round < Rounds; round++)
        {
            var shift = await CreateAsync(App, p.PardisanCentre, p.Pardisan, Draft(App, inHours: 10 + (round * 5), places: 1));
            var (_, first) = await VolunteerAsync(App, p.Pardisan);
            var (_, second) = await VolunteerAsync(App, p.Pardisan);

            var results = await Task.WhenAll(new[] { first, second }.Select(async volunteer =>
            {
                try
                {
                    await SignUpAsync(App, volunteer, shift.ShiftId);
                    return "booked";
                }
                catch (RequestRefusedException refused)
                {
                    return refused.Message;
                }
            }));

            Assert.Single(results, "booked");
            Assert.Single(results, Text.Get("Shift.Full"));
            Assert.Single((await ReadShiftAsync(App, shift.ShiftId)).Bookings);
        }
    }

    [Fact]
    public async Task A_double_click_on_sign_up_books_once_and_both_clicks_hear_the_same_booking()
    {
        var p = await PlacesAsync(App);
        for (var round = 0; round < Rounds; round++)
        {
            var shift = await CreateAsync(App, p.PardisanCentre, null, Draft(App, inHours: 100 + (round * 5), places: 3));
            var (volunteer, principal) = await VolunteerAsync(App, p.Qods);

            var written = await Task.WhenAll(SignUpAsync(App, principal, shift.ShiftId), SignUpAsync(App, principal, shift.ShiftId));

            var saved = await ReadShiftAsync(App, shift.ShiftId);
            Assert.Equal(volunteer, Assert.Single(saved.Bookings).VolunteerId);
            Assert.All(written, w => Assert.Equal(saved.Version, w.Version));
        }
    }

    [Fact]
    public async Task Two_desks_creating_the_same_national_day_at_once_make_one_event_and_one_set_of_shifts()
    {
        var ministry = await Ministry(App);
        var starts = App.Clock.GetUtcNow().AddDays(20);
        var results = await Task.WhenAll(Enumerable.Range(0, 2).Select(async i =>
        {
            try
            {
                return (object)await App.SendAsync<NationalEventCreated>(ministry,
                    new CreateNationalEvent($"روز گفت‌وگو {i}", "سالن مرکز", starts.AddMinutes(i), starts.AddHours(3), VolunteerSkill.None, 10));
            }
            catch (RequestRefusedException refused)
            {
                return refused.Message;
            }
        }));

        var created = Assert.Single(results.OfType<NationalEventCreated>());
        Assert.Equal(Text.Get("Shift.EventExists"), Assert.Single(results.OfType<string>()));
        var centres = await App.ReadAsync(db => db.Centres.CountAsync(c => db.Provinces.Any(p => p.Id == c.ProvinceId && p.IsActive)));
        Assert.Equal(centres, created.Shifts);
        Assert.Equal(1, await App.ReadAsync(db => db.NationalEvents.CountAsync()));
        Assert.Equal(centres, await App.ReadAsync(db => db.Shifts.CountAsync(s => s.NationalEventId != null)));
    }
}
