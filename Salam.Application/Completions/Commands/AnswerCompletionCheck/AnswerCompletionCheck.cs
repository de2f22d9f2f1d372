using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Security;
using Salam.Application.Notifications.Residents;
using Salam.Application.Notifications.Common;
using Salam.Domain.Duties;
using Salam.Domain.Notifications;
using Salam.Domain.People;

namespace Salam.Application.Completions.Commands.AnswerCompletionCheck;

/// <summary>
/// A resident answers "was it done?" about a duty of their neighbourhood marked Done within the last
/// <see cref="CompletionCheck.QuestionDays"/> days: once per completion. The <see cref="CompletionCheck.DisputeThreshold"/>th
/// "no" makes the duty Disputed in the same save.
/// </summary>
[AllowedRoles(Role.Resident)]
public sealed record AnswerCompletionCheck(int DutyId, CompletionAnswer Answer, string? Note) : ICommand<CompletionAnswered>, IDutyScoped;

/// <summary>Disputed: this answer was the one that made the duty Disputed.</summary>
public sealed record CompletionAnswered(bool Disputed);

public sealed class AnswerCompletionCheckHandler(ISalamDbContext db, ICurrentUser user, TimeProvider clock, IUserDirectory users) : ICommandHandler<AnswerCompletionCheck, CompletionAnswered>
{
    private const int MaxAttempts = 8;

    public async ValueTask<CompletionAnswered> Handle(AnswerCompletionCheck command, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StoreAsync(command, cancellationToken);
            }
            catch (DbUpdateException exception) when (attempt < MaxAttempts && (exception is DbUpdateConcurrencyException || db.IsUniqueViolation(exception)))
            {
                // Another answer to the same duty was saved first: count again, so the dispute is decided on every answer.
                db.DiscardChanges();
            }
        }
    }

    private async Task<CompletionAnswered> StoreAsync(AnswerCompletionCheck command, CancellationToken cancellationToken)
    {
        var residentId = user.ResidentId ?? throw new NotFoundException(Text.Get("NotFound.Resident"));
        var duty = await db.Duties.SingleOrDefaultAsync(d => d.Id == command.DutyId, cancellationToken) ?? throw new NotFoundException(Text.Get("NotFound.Duty"));
        var now = clock.GetUtcNow();
        // Only the duty's own neighbourhood's confirmed residents: a pending one is not yet known to be a neighbour.
        var asked = duty.AsksResidents(now) && await db.Residents.AnyAsync(r => r.Id == residentId && r.NeighbourhoodId == duty.NeighbourhoodId
            && r.Status == ResidentStatus.Confirmed, cancellationToken);
        if (!asked) throw new RequestRefusedException(Text.Get("Completion.NotAsked", CompletionCheck.QuestionDays));

        var answers = db.CompletionChecks.Where(c => c.DutyId == duty.Id && c.CompletionRound == duty.CompletionRound);
        if (await answers.AnyAsync(c => c.ResidentId == residentId, cancellationToken))
            throw new RequestRefusedException(Text.Get("Completion.AlreadyAnswered"));

        db.CompletionChecks.Add(new CompletionCheck(duty.Id, duty.CompletionRound, residentId, command.Answer, command.Note, now));
        duty.CountAnswer();
        var disputed = command.Answer == CompletionAnswer.No
            && await answers.CountAsync(c => c.Answer == CompletionAnswer.No, cancellationToken) + 1 >= CompletionCheck.DisputeThreshold;
        if (disputed)
        {
            // By no one person: the timeline says "the residents", and no name of theirs reaches the agency.
            duty.Dispute(0, Text.Get("Completion.DisputeNote", CompletionCheck.DisputeThreshold), now);
            // One notice per duty and kind: a second dispute of the same duty finds the first still on the desk's list.
            if (!await db.AgencyNotifications.AnyAsync(n => n.DutyId == duty.Id && n.Kind == NotificationKind.DutyDisputed, cancellationToken))
                db.AgencyNotifications.Add(new AgencyNotification(duty.AgencyId, duty.Id, NotificationKind.DutyDisputed, now));
        }
        if (disputed) await db.QueueDutyChangedAsync(duty, DutyStatus.Done, now, cancellationToken); // its followers hear of the dispute
        // The agency's managers hear of each dispute (one per completion) in the same save.
        if (disputed)
            await db.QueueDutyEmailAsync(users, MessageKind.DutyDisputed, duty.Id, $"duty:{duty.Id}:completion:{duty.CompletionRound}", now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new CompletionAnswered(disputed);
    }
}
