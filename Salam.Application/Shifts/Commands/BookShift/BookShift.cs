using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Security;
using Salam.Domain.People;
using Salam.Application.Shifts.Common;

namespace Salam.Application.Shifts.Commands.BookShift;

/// <summary>A volunteer signs up for a shift from their page.</summary>
[AllowedRoles(Role.Resident)]
public sealed record SignUpForShift(int ShiftId) : ICommand<ShiftWritten>, IShiftScoped;

/// <summary>A volunteer leaves a shift that has not started.</summary>
[AllowedRoles(Role.Resident)]
public sealed record LeaveShift(int ShiftId) : ICommand<ShiftWritten>, IShiftScoped;

/// <summary>The facilitator puts a volunteer on a shift of their centre.</summary>
[AllowedRoles(Role.Facilitator)]
public sealed record AssignToShift(int ShiftId, int VolunteerId) : ICommand<ShiftWritten>, IScoped
{
    public IEnumerable<ScopeTarget> ScopeTargets() => [ScopeTarget.Shift(ShiftId), ScopeTarget.Volunteer(VolunteerId)];
}

/// <summary>The facilitator takes a volunteer off a shift that has not started.</summary>
[AllowedRoles(Role.Facilitator)]
public sealed record RemoveFromShift(int ShiftId, int VolunteerId) : ICommand<ShiftWritten>, IScoped
{
    public IEnumerable<ScopeTarget> ScopeTargets() => [ScopeTarget.Shift(ShiftId), ScopeTarget.Volunteer(VolunteerId)];
}

public sealed class SignUpForShiftHandler(ISalamDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<SignUpForShift, ShiftWritten>
{
    public async ValueTask<ShiftWritten> Handle(SignUpForShift command, CancellationToken cancellationToken) =>
        await db.BookRetryingAsync(async () =>
        {
            var volunteerId = await db.OwnVolunteerIdAsync(user, cancellationToken);
            var shift = await db.FindShiftAsync(command.ShiftId, cancellationToken);
            // A second click finds the first one's booking: the same answer, not a second row or a refusal.
            if (shift.Bookings.Any(b => b.VolunteerId == volunteerId)) return new ShiftWritten(shift.Id, shift.Version);
            await db.BookAsync(shift, await db.FindVolunteerAsync(volunteerId, cancellationToken), true, user.UserId ?? 0, clock.GetUtcNow(), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return new ShiftWritten(shift.Id, shift.Version);
        }, cancellationToken);
}

public sealed class LeaveShiftHandler(ISalamDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<LeaveShift, ShiftWritten>
{
    public async ValueTask<ShiftWritten> Handle(LeaveShift command, CancellationToken cancellationToken)
    {
        var volunteerId = await db.OwnVolunteerIdAsync(user, cancellationToken);
        var shift = await db.FindShiftAsync(command.ShiftId, cancellationToken);
        shift.Unbook(volunteerId, clock.GetUtcNow());
        return await db.SaveShiftAsync(shift, cancellationToken);
    }
}

public sealed class AssignToShiftHandler(ISalamDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<AssignToShift, ShiftWritten>
{
    public async ValueTask<ShiftWritten> Handle(AssignToShift command, CancellationToken cancellationToken) =>
        await db.BookRetryingAsync(async () =>
        {
            var shift = await db.FindShiftAsync(command.ShiftId, cancellationToken);
            var volunteer = await db.FindVolunteerAsync(command.VolunteerId, cancellationToken);
            await db.BookAsync(shift, volunteer, false, user.UserId ?? 0, clock.GetUtcNow(), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return new ShiftWritten(shift.Id, shift.Version);
        }, cancellationToken);
}

public sealed class RemoveFromShiftHandler(ISalamDbContext db, TimeProvider clock) : ICommandHandler<RemoveFromShift, ShiftWritten>
{
    public async ValueTask<ShiftWritten> Handle(RemoveFromShift command, CancellationToken cancellationToken)
    {
        var shift = await db.FindShiftAsync(command.ShiftId, cancellationToken);
        shift.Unbook(command.VolunteerId, clock.GetUtcNow());
        return await db.SaveShiftAsync(shift, cancellationToken);
    }
}

internal static class Booking
{
    private const int MaxAttempts = 8;

    /// <summary>
    /// Books, and when another booking landed first (the shift's version moved, or the same volunteer's row exists) reads the
    /// shift again and decides afresh: the last place goes to one volunteer and the other hears "full", never an oversold shift.
    /// </summary>
    public static async Task<ShiftWritten> BookRetryingAsync(this ISalamDbContext db, Func<Task<ShiftWritten>> book, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await book();
            }
            catch (DbUpdateException exception) when (exception is DbUpdateConcurrencyException || db.IsUniqueViolation(exception))
            {
                db.DiscardChanges();
                if (attempt == MaxAttempts) throw new RequestRefusedException(Text.Get("Shift.Stale"));
            }
        }
    }

    /// <summary>The caller's own volunteer record: a resident signs up only as themselves.</summary>
    public static async Task<int> OwnVolunteerIdAsync(this ISalamDbContext db, ICurrentUser user, CancellationToken cancellationToken) =>
        user.ResidentId is { } residentId
            ? await db.Volunteers.Where(v => v.ResidentId == residentId).Select(v => (int?)v.Id).SingleOrDefaultAsync(cancellationToken)
                ?? throw new RequestRefusedException(Text.Get("Shift.NotAVolunteer"))
            : throw new NotFoundException(Text.Get("NotFound.Resident"));
}
