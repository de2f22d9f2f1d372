using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Security;
using Salam.Domain.People;

namespace Salam.Application.Notifications.Commands.UnfollowDuty;

/// <summary>A resident stops following a duty of their neighbourhood; unfollowing one not followed changes nothing.</summary>
[AllowedRoles(Role.Resident)]
public sealed record UnfollowDuty(int DutyId) : ICommand<bool>, IDutyScoped;

public sealed class UnfollowDutyHandler(ISalamDbContext db, ICurrentUser user) : ICommandHandler<UnfollowDuty, bool>
{
    /// <returns>False: the resident no longer follows the duty.</returns>
    public async ValueTask<bool> Handle(UnfollowDuty command, CancellationToken cancellationToken)
    {
        var residentId = user.ResidentId ?? throw new NotFoundException(Text.Get("NotFound.Resident"));
        // One statement: a second tab's unfollow at the same moment deletes nothing and is not an error.
        await db.DutyFollows.Where(f => f.DutyId == command.DutyId && f.ResidentId == residentId).ExecuteDeleteAsync(cancellationToken);
        return false;
    }
}
