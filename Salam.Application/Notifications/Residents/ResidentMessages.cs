using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Interfaces;
using Salam.Application.Home.Queries;
using Salam.Application.Notifications.Common;
using Salam.Domain.Common;
using Salam.Domain.Duties;
using Salam.Domain.Notifications;
using Salam.Domain.People;
using Salam.Domain.Rounds;
using static Salam.Application.Notifications.Residents.ResidentTexts;

namespace Salam.Application.Notifications.Residents;

/// <summary>
/// Who among the residents is told of a round or a duty, and in which words. Each call only adds to the caller's unit of
/// work: the handler's own SaveChanges writes the texts with the change (see <see cref="Outbox"/>).
/// </summary>
public static class ResidentMessages
{
    /// <summary>The round's neighbourhood: voting is open, until when.</summary>
    public static Task<int> QueueRoundOpenedAsync(this ISalamDbContext db, PriorityRound round, DateTimeOffset at, CancellationToken cancellationToken) =>
        db.QueueSmsToResidentsAsync(db.Residents.Where(r => r.NeighbourhoodId == round.NeighbourhoodId), MessageKind.RoundOpened, $"round:{round.Id}",
            language => RoundOpened(language, round.Title, round.ClosesAt), at, round.Id, cancellationToken);

    /// <summary>The round's neighbours who have not voted: it closes tomorrow.</summary>
    public static Task<int> QueueRoundClosingSoonAsync(this ISalamDbContext db, PriorityRound round, DateTimeOffset at, CancellationToken cancellationToken) =>
        db.QueueSmsToResidentsAsync(
            db.Residents.Where(r => r.NeighbourhoodId == round.NeighbourhoodId && !db.Ballots.Any(b => b.RoundId == round.Id && b.ResidentId == r.Id)),
            MessageKind.RoundClosingSoon, $"round:{round.Id}",
            language => RoundClosingSoon(language, round.Title, round.ClosesAt), at, round.Id, cancellationToken);

    /// <summary>The round's neighbourhood: its results are out, and what came first.</summary>
    public static async Task<int> QueueResultsPublishedAsync(this ISalamDbContext db, PriorityRound round, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var first = await db.PriorityRounds.Where(r => r.Id == round.Id).SelectMany(r => r.Results).OrderBy(x => x.Position)
            .Select(x => db.Needs.Where(n => n.Id == x.NeedId).Select(n => n.Title).FirstOrDefault()).FirstOrDefaultAsync(cancellationToken);
        return await db.QueueSmsToResidentsAsync(db.Residents.Where(r => r.NeighbourhoodId == round.NeighbourhoodId), MessageKind.ResultsPublished,
            $"round:{round.Id}", language => ResultsPublished(language, round.Title, first), at, round.Id, cancellationToken);
    }

    /// <summary>
    /// A duty moved from <paramref name="before"/> to its status now: its followers are told, and when it is Done its
    /// neighbourhood is asked whether it was. Progress within one status is on the page, not worth a text.
    /// </summary>
    public static async Task QueueDutyChangedAsync(this ISalamDbContext db, Duty duty, DutyStatus before, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (duty.Status == before) return;
        var agency = await db.Agencies.Where(a => a.Id == duty.AgencyId).Select(a => new PlaceName(a.NameFa, a.NameEn)).SingleAsync(cancellationToken);
        var followers = db.FollowersOf(duty);
        if (duty.Status == DutyStatus.Done)
        {
            var answerBy = ProgrammeCalendar.DayOf(duty.CompletedAt!.Value.AddDays(CompletionCheck.QuestionDays));
            await db.QueueSmsToResidentsAsync(db.Residents.Where(r => r.NeighbourhoodId == duty.NeighbourhoodId), MessageKind.CompletionQuestion,
                $"duty:{duty.Id}:completion:{duty.CompletionRound}",
                language => CompletionQuestion(language, duty.Title, agency, answerBy),
                at, null, cancellationToken);
            // One text per change: a follower who is asked the question already hears that it is reported done.
            followers = followers.Where(r => db.MessageOptOuts.Any(o => o.ResidentId == r.Id && o.Kind == MessageKind.CompletionQuestion));
        }
        // The version names this one change: a duty blocked twice is news twice.
        await db.QueueSmsToResidentsAsync(followers, MessageKind.FollowedDutyChanged, $"duty:{duty.Id}:status:{duty.Status}:{duty.Version:N}",
            language => FollowedDutyChanged(language, duty.Title, agency, duty.Status, duty.PercentComplete),
            at, null, cancellationToken);
    }

    /// <summary>A followed duty passed its due date unfinished (the overdue job marks each duty once).</summary>
    public static async Task QueueDutyOverdueAsync(this ISalamDbContext db, Duty duty, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var agency = await db.Agencies.Where(a => a.Id == duty.AgencyId).Select(a => new PlaceName(a.NameFa, a.NameEn)).SingleAsync(cancellationToken);
        await db.QueueSmsToResidentsAsync(db.FollowersOf(duty), MessageKind.FollowedDutyChanged, $"duty:{duty.Id}:overdue",
            language => FollowedDutyOverdue(language, duty.Title, agency, duty.DueDate),
            at, null, cancellationToken);
    }

    /// <summary>The residents following a duty who still live in its neighbourhood (one who moved away stops hearing of it).</summary>
    private static IQueryable<Resident> FollowersOf(this ISalamDbContext db, Duty duty) =>
        db.Residents.Where(r => r.NeighbourhoodId == duty.NeighbourhoodId && db.DutyFollows.Any(f => f.DutyId == duty.Id && f.ResidentId == r.Id));
}
