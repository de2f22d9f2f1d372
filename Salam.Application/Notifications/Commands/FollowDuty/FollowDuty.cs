using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Security;
using Salam.Domain.Notifications;
using Salam.Domain.People;

namespace Salam.Application.Notifications.Commands.FollowDuty;

/// <summary>A confirmed resident asks to be texted when a duty of their own neighbourhood changes. Following twice is following once.</summary>
[AllowedRoles(Role.Resident)]
public sealed record FollowDuty(int DutyId) : ICommand<bool>, IDutyScoped;

public sealed class FollowDutyHandler(ISalamDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<FollowDuty, bool>
{
    /// <returns>True: the resident follows the duty.</returns>
    public async ValueTask<bool> Handle(FollowDuty command, CancellationToken cancellationToken)
    {
        var residentId = await db.ConfirmedResidentIdAsync(user, cancellationToken);
        if (await db.DutyFollows.AnyAsync(f => f.DutyId == command.DutyId && f.ResidentId == residentId, cancellationToken)) return true;
        db.DutyFollows.Add(new DutyFollow(residentId, command.DutyId, clock.GetUtcNow()));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (db.IsUniqueViolation(exception))
        {
            db.DiscardChanges(); // the same resident's other tab followed it first
        }
        return true;
    }
}

public static class DutyFollowing
{
    /// <summary>
    /// The caller's resident id, when they are confirmed: a pending or rejected resident is not yet known to be a neighbour
    /// and is texted nothing, so they cannot follow either.
    /// </summary>
    public static async Task<int> ConfirmedResidentIdAsync(this ISalamDbContext db, ICurrentUser user, CancellationToken cancellationToken)
    {
        var residentId = user.ResidentId ?? throw new NotFoundException(Text.Get("NotFound.Resident"));
        if (!await db.Residents.AnyAsync(r => r.Id == residentId && r.Status == ResidentStatus.Confirmed, cancellationToken))
            throw new RequestRefusedException(Text.Get("Messages.FollowConfirmedOnly"));
        return residentId;
    }
}
