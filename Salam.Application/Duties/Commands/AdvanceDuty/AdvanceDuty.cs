using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Security;
using Salam.Application.Duties.Common;
using Salam.Application.Notifications.Residents;
using Salam.Domain.Duties;
using Salam.Domain.People;

namespace Salam.Application.Duties.Commands.AdvanceDuty;

/// <summary>An agency manager moves one of their duties on (accept, decline, progress, block, done), quoting the version they saw.</summary>
[AllowedRoles(Role.AgencyManager)]
public sealed record AdvanceDuty(int DutyId, DutyStatus To, int Percent, string? Note, Guid SeenVersion) : ICommand<DutyState>, IDutyScoped;

/// <summary>Someone else changed the duty first: nothing was written, and here is where it stands now.</summary>
public sealed class DutyConflictException(DutyState current) : RequestRefusedException(Text.Get("Duty.Conflict", current.Status, current.Percent))
{
    public DutyState Current { get; } = current;
}

public sealed class AdvanceDutyHandler(ISalamDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<AdvanceDuty, DutyState>
{
    public async ValueTask<DutyState> Handle(AdvanceDuty command, CancellationToken cancellationToken)
    {
        var duty = await db.Duties.SingleOrDefaultAsync(d => d.Id == command.DutyId, cancellationToken) ?? throw new NotFoundException(Text.Get("NotFound.Duty"));
        if (duty.Version != command.SeenVersion) throw new DutyConflictException(StateOf(duty));

        var (before, now) = (duty.Status, clock.GetUtcNow());
        duty.Advance(command.To, command.Percent, command.Note, user.UserId ?? 0, now);
        // Residents' texts (followers; the completion question on Done) go in the same save as the change.
        await db.QueueDutyChangedAsync(duty, before, now, cancellationToken);
        // The database checks the version too, for the race between this read and this write.
        db.Duties.Entry(duty).Property(d => d.Version).OriginalValue = command.SeenVersion;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.DiscardChanges();
            var current = await db.Duties.AsNoTracking().SingleAsync(d => d.Id == command.DutyId, cancellationToken);
            throw new DutyConflictException(StateOf(current));
        }
        return StateOf(duty);
    }

    private static DutyState StateOf(Duty duty) => new(duty.Id, duty.Status, duty.PercentComplete, duty.Version);
}
