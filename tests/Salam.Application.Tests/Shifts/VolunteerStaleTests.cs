using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Localization;
using Salam.Application.Volunteers.Commands.ChangeVolunteerStatus;
using Salam.Domain.People;
using Salam.Testing;
using static Salam.Application.Tests.Shifts.ShiftScene;

namespace Salam.Application.Tests.Shifts;

/// <summary>
/// A volunteer's row carries the token their shift bookings move. A facilitator's change to the same row that loses the race
/// to a booking hears "look again" in their language, and writes nothing: not an unexplained failure.
/// </summary>
public sealed class VolunteerStaleTests : IAsyncLifetime
{
    private readonly ABookingLandsFirst _booking = new();

    private TestApp App { get; set; } = default!;

    public async Task InitializeAsync() => App = await TestApp.StartAsync(configure: services => services.AddDatabaseInterceptor(_booking));

    public async Task DisposeAsync() => await App.DisposeAsync();

    [Fact]
    public async Task A_status_change_saved_just_after_the_volunteer_booked_a_shift_is_refused_with_look_again_and_nothing_is_written()
    {
        var p = await PlacesAsync(App);
        var (volunteer, _) = await VolunteerAsync(App, p.Pardisan);
        var before = await App.ReadAsync(db => db.Volunteers.Where(v => v.Id == volunteer).Select(v => new { v.Status, Changes = v.StatusChanges.Count }).SingleAsync());

        _booking.Arm(volunteer);
        var facilitator = await Facilitator(App);
        var refused = await Assert.ThrowsAsync<RequestRefusedException>(() => App.SendAsync<Mediator.Unit>(facilitator, new ChangeVolunteerStatus(volunteer, VolunteerStatus.Inactive)));

        Assert.True(_booking.Landed, "the booking did not land between the change's read and its save");
        Assert.Equal(Text.Get("Request.Stale"), refused.Message);
        Assert.Equal(before, await App.ReadAsync(db => db.Volunteers.Where(v => v.Id == volunteer).Select(v => new { v.Status, Changes = v.StatusChanges.Count }).SingleAsync()));
    }

    /// <summary>Once armed, moves the volunteer's booking token just before the next save, as a booking saved a moment earlier would.</summary>
    private sealed class ABookingLandsFirst : SaveChangesInterceptor
    {
        private int? _volunteerId;

        public bool Landed { get; private set; }

        public void Arm(int volunteerId) => (_volunteerId, Landed) = (volunteerId, false);

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
            CancellationToken cancellationToken = default)
        {
            if (_volunteerId is { } id && eventData.Context is { } context)
            {
                _volunteerId = null;
                await context.Database.ExecuteSqlAsync($"UPDATE \"Volunteers\" SET \"ShiftsVersion\" = {Guid.NewGuid()} WHERE \"Id\" = {id}", cancellationToken);
                Landed = true;
            }
            return result;
        }
    }
}
