using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Salam.Domain.Duties;
using Salam.Domain.Needs;
using Salam.Domain.People;
using Salam.Domain.Reports;
using Salam.Domain.Rounds;

namespace Salam.Infrastructure.Reports;

/// <summary>
/// Marks, in the same save, every neighbourhood whose roll-up figures a write changes (residents, ballots, needs,
/// duties, residents' answers about completions, volunteers, meetings held: see <see cref="MeetingMarks"/>; donations in hand,
/// allocations and attended minutes: see <see cref="GivingMarks"/>), so the incremental roll-up recomputes only those. Handlers need not remember to.
/// </summary>
public sealed class RollupMarker : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is not { } context) return result;
        var meetings = MeetingMarks.Changed(context);
        List<int> aboveNeighbourhoods = meetings.AboveNeighbourhoods
            ? [.. MeetingMarks.InCounties(context, meetings), .. MeetingMarks.InProvinces(context, meetings)]
            : [];
        var (answered, untrackedDuties) = CompletionNeighbourhoods(context);
        var provinces = GivingMarks.ReceivedProvinces(context);
        var (attended, untrackedVolunteers) = GivingMarks.AttendedNeighbourhoods(context);
        Mark(context, BallotNeighbourhoods(context, query: ids => [.. RoundNeighbourhoods(context, ids)]),
            [.. meetings.Neighbourhoods, .. aboveNeighbourhoods, .. answered, .. DutyNeighbourhoods(context, untrackedDuties),
                .. provinces.Count == 0 ? [] : GivingMarks.InProvinces(context, provinces).ToList(), .. GivingMarks.AllocationNeighbourhoods(context),
                .. attended, .. untrackedVolunteers.Count == 0 ? [] : GivingMarks.VolunteerNeighbourhoods(context, untrackedVolunteers).ToList()]);
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not { } context) return result;
        var untracked = UntrackedRounds(context);
        var fromRounds = untracked.Count == 0 ? [] : await RoundNeighbourhoods(context, untracked).ToListAsync(cancellationToken);
        var meetings = MeetingMarks.Changed(context);
        List<int> aboveNeighbourhoods = meetings.AboveNeighbourhoods
            ? [.. await MeetingMarks.InCounties(context, meetings).ToListAsync(cancellationToken),
                .. await MeetingMarks.InProvinces(context, meetings).ToListAsync(cancellationToken)]
            : [];
        var (answered, untrackedDuties) = CompletionNeighbourhoods(context);
        List<int> fromDuties = untrackedDuties.Count == 0 ? [] : await DutyNeighbourhoods(context, untrackedDuties).ToListAsync(cancellationToken);
        var provinces = GivingMarks.ReceivedProvinces(context);
        List<int> received = provinces.Count == 0 ? [] : await GivingMarks.InProvinces(context, provinces).ToListAsync(cancellationToken);
        var (attended, untrackedVolunteers) = GivingMarks.AttendedNeighbourhoods(context);
        List<int> fromVolunteers = untrackedVolunteers.Count == 0 ? [] : await GivingMarks.VolunteerNeighbourhoods(context, untrackedVolunteers).ToListAsync(cancellationToken);
        Mark(context, BallotNeighbourhoods(context, query: _ => fromRounds), [.. meetings.Neighbourhoods, .. aboveNeighbourhoods, .. answered, .. fromDuties,
            .. received, .. GivingMarks.AllocationNeighbourhoods(context), .. attended, .. fromVolunteers]);
        return result;
    }

    private static void Mark(DbContext context, IEnumerable<int> ballotNeighbourhoods, IEnumerable<int> meetingNeighbourhoods)
    {
        var changed = new HashSet<int>(ballotNeighbourhoods.Concat(meetingNeighbourhoods));
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            if (entry.Entity is not (Resident or Need or Duty or Volunteer)) continue;
            // A write that moves only a concurrency token (a shift booked moves its volunteer's) changes no figure.
            if (entry.State == EntityState.Modified && entry.Properties.Where(p => p.IsModified).All(p => p.Metadata.IsConcurrencyToken)) continue;
            var property = entry.Property(nameof(Resident.NeighbourhoodId));
            changed.Add((int)property.CurrentValue!);
            // A resident (or volunteer) who moves changes the figures of the place they left, too.
            if (entry.State == EntityState.Modified) changed.Add((int)property.OriginalValue!);
        }
        changed.Remove(0); // not saved yet: a new place has no figures to recompute until something lands in it
        foreach (var neighbourhoodId in changed) context.Add(new RollupMark(neighbourhoodId));
    }

    /// <summary>
    /// A resident's answer changes its duty's neighbourhood's completion figures: found from the duty when it is tracked (the
    /// answering handler loads it), otherwise the duty ids to look up.
    /// </summary>
    private static (List<int> Neighbourhoods, List<int> UntrackedDuties) CompletionNeighbourhoods(DbContext context)
    {
        var dutyIds = context.ChangeTracker.Entries<CompletionCheck>()
            .Where(c => c.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).Select(c => c.Entity.DutyId).ToHashSet();
        if (dutyIds.Count == 0) return ([], []);
        var tracked = context.ChangeTracker.Entries<Duty>().Where(d => dutyIds.Contains(d.Entity.Id)).ToList();
        return ([.. tracked.Select(d => d.Entity.NeighbourhoodId)], [.. dutyIds.Except(tracked.Select(d => d.Entity.Id))]);
    }

    private static IQueryable<int> DutyNeighbourhoods(DbContext context, List<int> dutyIds) =>
        context.Set<Duty>().AsNoTracking().Where(d => dutyIds.Contains(d.Id)).Select(d => d.NeighbourhoodId);

    private static IEnumerable<int> BallotNeighbourhoods(DbContext context, Func<List<int>, IEnumerable<int>> query)
    {
        var roundIds = ChangedBallotRounds(context);
        if (roundIds.Count == 0) return [];
        var tracked = context.ChangeTracker.Entries<PriorityRound>().Where(r => roundIds.Contains(r.Entity.Id)).Select(r => r.Entity.NeighbourhoodId);
        return tracked.Concat(query([.. roundIds.Except(context.ChangeTracker.Entries<PriorityRound>().Select(r => r.Entity.Id))])).ToList();
    }

    private static List<int> UntrackedRounds(DbContext context) =>
        [.. ChangedBallotRounds(context).Except(context.ChangeTracker.Entries<PriorityRound>().Select(r => r.Entity.Id))];

    private static HashSet<int> ChangedBallotRounds(DbContext context) =>
        [.. context.ChangeTracker.Entries<Ballot>()
            .Where(b => b.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(b => b.Entity.RoundId)];

    private static IQueryable<int> RoundNeighbourhoods(DbContext context, List<int> roundIds) =>
        context.Set<PriorityRound>().AsNoTracking().Where(r => roundIds.Contains(r.Id)).Select(r => r.NeighbourhoodId);
}
