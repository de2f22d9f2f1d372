using Microsoft.EntityFrameworkCore;
using Salam.Domain.Notifications;
using Salam.Domain.Audit;
using Salam.Domain.Duties;
using Salam.Domain.Meetings;
using Salam.Domain.Geography;
using Salam.Domain.Needs;
using Salam.Domain.People;
using Salam.Domain.Reports;
using Salam.Domain.Rounds;
using Salam.Domain.Stories;
using Salam.Domain.Campaigns;
using Salam.Domain.Shifts;

namespace Salam.Application.Common.Interfaces;

/// <summary>The application's one door to the database: EF DbSets, no repository layer on top.</summary>
public interface ISalamDbContext
{
    DbSet<Province> Provinces { get; }
    DbSet<County> Counties { get; }
    DbSet<Neighbourhood> Neighbourhoods { get; }
    DbSet<Centre> Centres { get; }
    DbSet<Resident> Residents { get; }
    DbSet<Volunteer> Volunteers { get; }
    DbSet<VolunteerStatusChange> VolunteerStatusChanges { get; }
    DbSet<Placement> Placements { get; }
    DbSet<Need> Needs { get; }
    DbSet<PriorityRound> PriorityRounds { get; }
    DbSet<Ballot> Ballots { get; }
    DbSet<RoundCount> RoundCounts { get; }
    DbSet<RoundRecount> RoundRecounts { get; }
    DbSet<PaperBatch> PaperBatches { get; }
    DbSet<Agency> Agencies { get; }
    DbSet<Duty> Duties { get; }
    DbSet<DutyUpdate> DutyUpdates { get; }
    DbSet<Meeting> Meetings { get; }
    DbSet<MeetingDecision> MeetingDecisions { get; }
    DbSet<AgencyNotification> AgencyNotifications { get; }
    DbSet<CompletionCheck> CompletionChecks { get; }
    DbSet<SuccessStory> SuccessStories { get; }
    DbSet<StoryPhoto> StoryPhotos { get; }
    DbSet<Campaign> Campaigns { get; }
    DbSet<Donation> Donations { get; }
    DbSet<Allocation> Allocations { get; }
    DbSet<Shift> Shifts { get; }
    DbSet<ShiftBooking> ShiftBookings { get; }
    DbSet<NationalEvent> NationalEvents { get; }
    DbSet<RollupSnapshot> RollupSnapshots { get; }
    DbSet<OutboxMessage> OutboxMessages { get; }
    DbSet<MessageOptOut> MessageOptOuts { get; }
    DbSet<DutyFollow> DutyFollows { get; }
    DbSet<AuditEvent> AuditEvents { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);

    /// <summary>True when a save failed on a unique index (e.g. a second ballot racing the first), on either provider.</summary>
    bool IsUniqueViolation(DbUpdateException exception);

    /// <summary>Forgets tracked changes after a failed save, so the handler can reload and try again.</summary>
    void DiscardChanges();

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction, committed when it returns and rolled back when it throws.
    /// On SQLite it holds the file's write lock from the start; on a server database it locks what the work reads with
    /// <see cref="HoldRoundAsync"/>.
    /// </summary>
    Task<T> InTransactionAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken);

    /// <summary>
    /// Inside <see cref="InTransactionAsync{T}"/>: holds a round until the commit, shared by a ballot and exclusively by a
    /// close, so what the transaction then reads of it stays true until the commit. A ballot is then either in the close's
    /// count or sees the round closed; it can never be acknowledged and left out.
    /// </summary>
    Task HoldRoundAsync(int roundId, RoundHold hold, CancellationToken cancellationToken);
}

/// <summary>How a transaction holds a round: ballots share it with each other, a close takes it alone.</summary>
public enum RoundHold { Ballot, Close }
