using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Salam.Domain.Audit;
using Salam.Domain.Duties;
using Salam.Domain.Geography;
using Salam.Domain.Meetings;
using Salam.Domain.Notifications;
using Salam.Domain.People;
using Salam.Domain.Rounds;
using Salam.Infrastructure.Identity;

namespace Salam.Infrastructure.Audit;

/// <summary>
/// The changes a save makes to accounts, geography, agencies, centres and residents, captured before the save and written
/// as <see cref="AuditEvent"/>s after it (when new rows have their ids), in the same transaction. Handlers need not remember:
/// every save of an audited entity is recorded. Bulk ExecuteUpdate/ExecuteDelete bypass it, so audited entities never use them.
/// </summary>
internal sealed class AuditTrail
{
    // Machinery of sign-in, not decisions of people: recording them would bury the log (a failed sign-in bumps a counter).
    private static readonly HashSet<string> Unrecorded =
        ["SecurityStamp", "ConcurrencyStamp", "AccessFailedCount", "NormalizedUserName", "NormalizedEmail", "Version"];

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    private readonly List<Change> _changes;

    private AuditTrail(List<Change> changes) => _changes = changes;

    /// <summary>What this save would change that is audited; null when nothing is.</summary>
    public static AuditTrail? Capture(ChangeTracker tracker)
    {
        var changes = new List<Change>();
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted) || KindOf(entry) is not { } kind) continue;
            var recorded = entry.Properties.Where(p => !Unrecorded.Contains(p.Metadata.Name)
                && (entry.State != EntityState.Modified || (p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)))).ToList();
            if (recorded.Count == 0) continue;
            var before = entry.State == EntityState.Added ? null : recorded.ToDictionary(p => p.Metadata.Name, p => Shown(p.Metadata.Name, p.OriginalValue));
            changes.Add(new Change(entry, kind, Action(entry.State), [.. recorded.Select(p => p.Metadata.Name)], before));
        }
        return changes.Count == 0 ? null : new AuditTrail(changes);
    }

    /// <summary>The events, once the save gave new rows their ids; each carries its province, looked up in one query per level.</summary>
    public async Task<IReadOnlyList<AuditEvent>> EventsAsync(DbContext db, int? actorUserId, string actor, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var roundIds = _changes.Select(c => Value<int?>(c, "RoundId")).OfType<int>().ToHashSet();
        var neighbourhoodOfRound = roundIds.Count == 0 ? [] : await db.Set<PriorityRound>().AsNoTracking()
            .Where(r => roundIds.Contains(r.Id)).Select(r => new { r.Id, r.NeighbourhoodId }).ToDictionaryAsync(r => r.Id, r => r.NeighbourhoodId, cancellationToken);
        var neighbourhoodIds = _changes.Select(c => Value<int?>(c, "NeighbourhoodId")).OfType<int>().Concat(neighbourhoodOfRound.Values).ToHashSet();
        // A decision belongs to its meeting's province (every meeting has one, whatever its scope).
        var meetingIds = _changes.Where(c => c.Entry.Entity is MeetingDecision).Select(c => Value<int>(c, "MeetingId")).ToHashSet();
        var provinceOfMeeting = meetingIds.Count == 0 ? [] : await db.Set<Meeting>().AsNoTracking()
            .Where(m => meetingIds.Contains(m.Id)).Select(m => new { m.Id, m.ProvinceId }).ToDictionaryAsync(m => m.Id, m => m.ProvinceId, cancellationToken);
        var countyIds = _changes.Select(c => Value<int?>(c, "CountyId")).OfType<int>().ToHashSet();
        var provinceOfNeighbourhood = neighbourhoodIds.Count == 0 ? [] : await db.Set<Neighbourhood>().AsNoTracking()
            .Where(n => neighbourhoodIds.Contains(n.Id)).Select(n => new { n.Id, n.County!.ProvinceId }).ToDictionaryAsync(n => n.Id, n => n.ProvinceId, cancellationToken);
        var provinceOfCounty = countyIds.Count == 0 ? [] : await db.Set<County>().AsNoTracking()
            .Where(c => countyIds.Contains(c.Id)).Select(c => new { c.Id, c.ProvinceId }).ToDictionaryAsync(c => c.Id, c => c.ProvinceId, cancellationToken);

        return _changes.Select(c => new AuditEvent(at, actorUserId, actor, c.Action, c.Kind, Value<int>(c, "Id"),
            c.Entry.Entity switch
            {
                Province => Value<int>(c, "Id"),
                Neighbourhood => provinceOfCounty.TryGetValue(Value<int>(c, "CountyId"), out var p) ? p : null,
                MeetingDecision => provinceOfMeeting.TryGetValue(Value<int>(c, "MeetingId"), out var p) ? p : null,
                Resident or PriorityRound => provinceOfNeighbourhood.TryGetValue(Value<int>(c, "NeighbourhoodId"), out var p) ? p : null,
                Ballot or IAudited when neighbourhoodOfRound.TryGetValue(Value<int>(c, "RoundId"), out var n) => provinceOfNeighbourhood.TryGetValue(n, out var p) ? p : null,
                _ => Value<int?>(c, "ProvinceId"),
            },
            c.Before is null ? null : JsonSerializer.Serialize(c.Before, Json),
            c.Action == AuditAction.Removed ? null : JsonSerializer.Serialize(After(c), Json))).ToList();
    }

    private static string? KindOf(EntityEntry entry) => entry.Entity switch
    {
        ApplicationUser => "Account",
        Province or County or Neighbourhood or Centre or Agency or Resident => entry.Entity.GetType().Name,
        PriorityRound => "Round",
        // A ballot is recorded only where staff touch it: entered on paper, or a paper one replaced online. Residents' own
        // online ballots stay out of the log (it names the resident; the ranking itself lives in the entries, never logged).
        Ballot ballot when ballot.Channel == BallotChannel.Paper || Equals(entry.Property(nameof(Ballot.Channel)).OriginalValue, BallotChannel.Paper) => "Ballot",
        // An administrator's "send again" of a dead message; the drainer's own writes are machinery, and a message's
        // text and number (personal) are never changed by a retry, so never logged.
        OutboxMessage when entry.State == EntityState.Modified && Equals(entry.Property(nameof(OutboxMessage.Status)).OriginalValue, MessageStatus.Dead) => "Message",
        IAudited audited => audited.AuditKind,
        _ => null,
    };

    // Read after the save: a new row's id, and the id of a new row it points to, exist only then.
    private static Dictionary<string, object?> After(Change change) =>
        change.Properties.ToDictionary(p => p, p => Shown(p, change.Entry.Property(p).CurrentValue));

    private static AuditAction Action(EntityState state) => state switch
    {
        EntityState.Added => AuditAction.Created,
        EntityState.Deleted => AuditAction.Removed,
        _ => AuditAction.Changed,
    };

    // A password is never written down, not even hashed: only that it was set or changed.
    private static object? Shown(string property, object? value) => property == "PasswordHash" ? (value is null ? null : "•••") : value;

    // A removed row keeps its values in the change; the others are read from the entry, whose new ids the save has filled in.
    private static T Value<T>(Change change, string property)
    {
        var metadata = change.Entry.Metadata.FindProperty(property);
        if (metadata is null) return default!;
        var value = change.Action == AuditAction.Removed ? change.Entry.Property(property).OriginalValue : change.Entry.Property(property).CurrentValue;
        return value is T typed ? typed : default!;
    }

    private sealed record Change(EntityEntry Entry, string Kind, AuditAction Action, IReadOnlyList<string> Properties, Dictionary<string, object?>? Before);
}
