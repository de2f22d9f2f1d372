using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Interfaces;
using Salam.Application.Home.Queries;
using Salam.Application.Meetings.Queries.GetMeeting;
using Salam.Domain.Duties;

namespace Salam.Application.Meetings.Queries;

/// <summary>
/// Meetings' decisions with each one's duty as it stands now, read in a fixed handful of queries however many meetings and
/// decisions there are (no query per decision): the meeting page and the residents' public minutes show the same rows.
/// </summary>
internal static class DecisionRows
{
    public static async Task<Dictionary<int, List<DecisionRow>>> OfMeetingsAsync(this ISalamDbContext db, IReadOnlyCollection<int> meetingIds, DateOnly today,
        CancellationToken cancellationToken)
    {
        var decisions = await db.MeetingDecisions.AsNoTracking().Where(d => meetingIds.Contains(d.MeetingId))
            .Select(d => new
            {
                d.Id, d.MeetingId, d.Number, d.Kind, d.Title, d.Details, d.AgencyId, d.NeighbourhoodId, d.DueDate, d.NeedId, d.Skills, d.AmendsDecisionId, d.DutyId,
            })
            .ToListAsync(cancellationToken);
        var agencyIds = decisions.Select(d => d.AgencyId).OfType<int>().Distinct().ToList();
        var placeIds = decisions.Select(d => d.NeighbourhoodId).OfType<int>().Distinct().ToList();
        var needIds = decisions.Select(d => d.NeedId).OfType<int>().Distinct().ToList();
        var dutyIds = decisions.Select(d => d.DutyId).OfType<int>().Distinct().ToList();
        var agencies = await db.Agencies.Where(a => agencyIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => new PlaceName(a.NameFa, a.NameEn), cancellationToken);
        var places = await db.Neighbourhoods.Where(n => placeIds.Contains(n.Id)).ToDictionaryAsync(n => n.Id, n => new PlaceName(n.NameFa, n.NameEn), cancellationToken);
        var needs = await db.Needs.Where(n => needIds.Contains(n.Id)).ToDictionaryAsync(n => n.Id, n => n.Title, cancellationToken);
        var duties = (await db.Duties.AsNoTracking().Where(d => dutyIds.Contains(d.Id)).SelectLive().ToListAsync(cancellationToken)).ToDictionary(d => d.Id);

        var numberOf = decisions.ToDictionary(d => d.Id, d => d.Number);
        // The latest correction of a decision, if any: it is the one that now stands.
        var amendedBy = decisions.Where(d => d.AmendsDecisionId is not null).GroupBy(d => d.AmendsDecisionId!.Value)
            .ToDictionary(g => g.Key, g => g.Max(d => d.Number));
        return decisions.GroupBy(d => d.MeetingId).ToDictionary(g => g.Key, g => g.OrderBy(d => d.Number).Select(d => new DecisionRow(
            d.Id, d.Number, d.Kind, d.Title, d.Details,
            d.AgencyId is { } a ? agencies.GetValueOrDefault(a) : null,
            d.NeighbourhoodId is { } n ? places.GetValueOrDefault(n) : null,
            d.DueDate, d.NeedId, d.NeedId is { } need ? needs.GetValueOrDefault(need) : null, d.Skills,
            d.AmendsDecisionId is { } amends ? numberOf.GetValueOrDefault(amends) : null,
            amendedBy.TryGetValue(d.Id, out var by) ? by : null,
            d.DutyId is { } duty && duties.TryGetValue(duty, out var live) ? live.Status(today) : null)).ToList());
    }

    /// <summary>A duty's fields as they stand, with its last timeline entry (every duty has one: its assignment).</summary>
    public static IQueryable<LiveDuty> SelectLive(this IQueryable<Duty> duties) => duties.Select(d => new LiveDuty(
        d.Id, d.Status, d.PercentComplete, d.DueDate, d.CompletedOnTime,
        d.Updates.OrderByDescending(u => u.At).ThenByDescending(u => u.Id).Select(u => u.At).First(),
        d.Updates.OrderByDescending(u => u.At).ThenByDescending(u => u.Id).Select(u => u.Note).First()));
}

/// <summary>A duty as it stands now: what the decision rows and the progress report show of it.</summary>
internal sealed record LiveDuty(int Id, DutyStatus DutyStatus, int Percent, DateOnly DueDate, bool CompletedOnTime, DateTimeOffset LastUpdate, string? LastNote)
{
    public bool IsOverdueOn(DateOnly today) => Duty.IsOverdue(DutyStatus, DueDate, today);

    public int OverdueDaysOn(DateOnly today) => IsOverdueOn(today) ? today.DayNumber - DueDate.DayNumber : 0;

    /// <summary>Done by its due date: the duty's own flag, set when it was done (the programme's day in Tehran).</summary>
    public bool DoneOnTime => DutyStatus == DutyStatus.Done && CompletedOnTime;

    public DecisionDutyStatus Status(DateOnly today) => new(Id, DutyStatus, Percent, DueDate, IsOverdueOn(today), DoneOnTime, LastUpdate);
}
