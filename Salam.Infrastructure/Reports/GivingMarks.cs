using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Salam.Domain.Campaigns;
using Salam.Domain.Geography;
using Salam.Domain.People;
using Salam.Domain.Shifts;

namespace Salam.Infrastructure.Reports;

/// <summary>
/// Which places a save's donations, allocations and shift attendance change the roll-up of. A donation in hand counts at its
/// province, so it marks one neighbourhood of that province (the run then recomputes the province and the nation, like a
/// province's meeting: <see cref="MeetingMarks"/>); an allocation marks its neighbourhood; attended minutes mark the
/// volunteer's neighbourhood, found from the volunteer when the save tracks it, otherwise looked up.
/// </summary>
internal static class GivingMarks
{
    private static bool Changed(EntityEntry entry) => entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted;

    /// <summary>Provinces whose received figures change: a donation (not volunteer time) in hand before or after the save.</summary>
    public static List<int> ReceivedProvinces(DbContext context) =>
        [.. context.ChangeTracker.Entries<Donation>().Where(Changed)
            .Where(e => e.Entity.Kind != DonationKind.VolunteerTime && (InHand(e.Property(d => d.Status).CurrentValue) || InHand(e.Property(d => d.Status).OriginalValue)))
            .Select(e => e.Entity.ProvinceId).Distinct()];

    private static bool InHand(DonationStatus status) => Donation.InHandStatuses.Contains(status);

    /// <summary>One neighbourhood under each province.</summary>
    public static IQueryable<int> InProvinces(DbContext context, List<int> provinceIds) =>
        context.Set<Neighbourhood>().AsNoTracking().Where(n => provinceIds.Contains(n.County!.ProvinceId))
            .GroupBy(n => n.County!.ProvinceId).Select(g => g.Min(n => n.Id));

    /// <summary>Neighbourhoods an allocation was given to (and, should one ever move, was given to before).</summary>
    public static IEnumerable<int> AllocationNeighbourhoods(DbContext context) =>
        context.ChangeTracker.Entries<Allocation>().Where(Changed)
            .SelectMany(e => new[] { e.Property(a => a.NeighbourhoodId).CurrentValue, e.Property(a => a.NeighbourhoodId).OriginalValue });

    /// <summary>
    /// Attended minutes changed: the neighbourhoods of the volunteers the save tracks, and the volunteer ids to look up. Bookings
    /// never attended (a sign-up, a leave, a no-show recorded as such) change no figure.
    /// </summary>
    public static (List<int> Neighbourhoods, List<int> UntrackedVolunteers) AttendedNeighbourhoods(DbContext context)
    {
        var volunteerIds = context.ChangeTracker.Entries<ShiftBooking>().Where(Changed)
            .Where(e => e.Property(b => b.Attendance).CurrentValue == Attendance.Attended || e.Property(b => b.Attendance).OriginalValue == Attendance.Attended)
            .Select(e => e.Entity.VolunteerId).ToHashSet();
        if (volunteerIds.Count == 0) return ([], []);
        var tracked = context.ChangeTracker.Entries<Volunteer>().Where(v => volunteerIds.Contains(v.Entity.Id)).ToList();
        return ([.. tracked.Select(v => v.Entity.NeighbourhoodId)], [.. volunteerIds.Except(tracked.Select(v => v.Entity.Id))]);
    }

    public static IQueryable<int> VolunteerNeighbourhoods(DbContext context, List<int> volunteerIds) =>
        context.Set<Volunteer>().AsNoTracking().Where(v => volunteerIds.Contains(v.Id)).Select(v => v.NeighbourhoodId);
}
