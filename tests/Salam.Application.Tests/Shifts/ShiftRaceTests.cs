using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Localization;
using Salam.Application.Shifts.Commands.CreateNationalEvent;
using Salam.Application.Shifts.Common;
using Salam.Domain.People;
using Salam.Testing;
using static Salam.Application.Tests.Shifts.ShiftScene;

namespace Salam.Application.Tests.Shifts;

/// <summary>
/// Requests that arrive together: the last place, a double click, one volunteer's two overlapping shifts, two ministry desks
/// creating the same national day. A hold makes both sign-ups read their shift before either saves, so the race is run every
/// time, not left to the scheduler.
/// </summary>
public sealed class ShiftRaceTests : IAsyncLifetime
{
    private const int Rounds = 4;

    private readonly BothReadTheShift _hold = new();

    private TestApp App { get; set; } = default!;

    public async Task InitializeAsync() => App = await TestApp.StartAsync(configure: services => services.AddDatabaseInterceptor(_hold));

    public async Task DisposeAsync() => await App.DisposeAsync();

    [Fact]
    public async Task Two_volunteers_racing_for_the_last_place_one_is_booked_and_the_other_hears_full()
    {
        var p = await PlacesAsync(App);
        for (var round = 0; round < Rounds; round++)
        {
            var shift = await CreateAsync(App, p.PardisanCentre, p.Pardisan, Draft(App, inHours: 10 + (round * 5), places: 1));
            var (_, first) = await VolunteerAsync(App, p.Pardisan);
            var (_, second) = await VolunteerAsync(App, p.Pardisan);

            _hold.Arm(2);
            var results = await BookedOrRefusedAsync(new[] { first, second }.Select(volunteer => (Func<Task>)(() => SignUpAsync(App, volunteer, shift.ShiftId))));

            Assert.True(_hold.BothRead, "the two sign-ups did not both read the shift before saving");
            Assert.Single(results, "booked");
            Assert.Single(results, Text.Get("Shift.Full"));
            Assert.Single((await ReadShiftAsync(App, shift.ShiftId)).Bookings);
        }
    }

    [Fact]
    public async Task One_volunteer_signing_up_for_two_overlapping_shifts_at_once_is_booked_on_one_and_hears_overlaps_for_the_other()
    {
        var p = await PlacesAsync(App);
        for (var round = 0; round < Rounds; round++)
        {
            var morning = await CreateAsync(App, p.PardisanCentre, p.Pardisan, Draft(App, inHours: 200 + (round * 10), hours: 3));
            var overlapping = await CreateAsync(App, p.PardisanCentre, p.Pardisan, Draft(App, inHours: 201 + (round * 10), hours: 3));
            var (volunteer, principal) = await VolunteerAsync(App, p.Pardisan);

            _hold.Arm(2);
            var results = await BookedOrRefusedAsync(new[] { morning, overlapping }.Select(shift => (Func<Task>)(() => SignUpAsync(App, principal, shift.ShiftId))));

            Assert.True(_hold.BothRead, "the two sign-ups did not both read their shift before saving");
            Assert.Single(results, "booked");
            Assert.Single(results, Text.Get("Shift.Overlaps"));
            Assert.Equal(1, await App.ReadAsync(db => db.ShiftBookings.CountAsync(b => b.VolunteerId == volunteer)));
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

            _hold.Arm(2);
            var written = await Task.WhenAll(Task.Run(() => SignUpAsync(App, principal, shift.ShiftId)), Task.Run(() => SignUpAsync(App, principal, shift.ShiftId)));
            Assert.True(_hold.BothRead, "the two clicks did not both read the shift before saving");

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

    /// <summary>Runs the sign-ups at once; each answers "booked" or the refusal it heard.</summary>
    private static Task<string[]> BookedOrRefusedAsync(IEnumerable<Func<Task>> signUps) =>
        Task.WhenAll(signUps.Select(signUp => Task.Run(async () =>
        {
            try
            {
                await signUp();
                return "booked";
            }
            catch (RequestRefusedException refused)
            {
                return refused.Message;
            }
        })));

    /// <summary>
    /// Once armed, holds each read of a shift with its bookings (the handler's read before booking) until every racer has made
    /// it; later reads (a retry after a lost race) pass straight through. Gives up after a while rather than hang a test.
    /// </summary>
    private sealed class BothReadTheShift : DbCommandInterceptor
    {
        private TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _racers;
        private int _reads;

        public bool BothRead => _all.Task.IsCompletedSuccessfully;

        public void Arm(int racers)
        {
            _all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _reads = 0;
            _racers = racers;
        }

        public override async ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result,
            CancellationToken cancellationToken = default)
        {
            if (_racers > 0 && command.CommandText.Contains("LEFT JOIN \"ShiftBookings\"", StringComparison.Ordinal))
            {
                var all = _all;
                if (Interlocked.Increment(ref _reads) >= _racers) all.TrySetResult();
                try
                {
                    await all.Task.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
                }
                catch (TimeoutException)
                {
                    // Reported by the test through BothRead.
                }
            }
            return result;
        }
    }
}
