using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Security;
using Salam.Domain.People;

namespace Salam.Application.Volunteers.Commands.WithdrawAsVolunteer;

/// <summary>A volunteer withdraws their own offer; the record and its history stay, marked inactive by their own choice.</summary>
[AllowedRoles(Role.Resident)]
public sealed record WithdrawAsVolunteer : ICommand, ICallerScoped;

public sealed class WithdrawAsVolunteerHandler(ISalamDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<WithdrawAsVolunteer>
{
    public async ValueTask<Unit> Handle(WithdrawAsVolunteer command, CancellationToken cancellationToken)
    {
        var (residentId, userId) = (user.ResidentId, user.UserId) is (int r, int u) ? (r, u) : throw new ForbiddenException(Text.Get("Volunteer.ResidentOnly"));
        var volunteer = await db.Volunteers.SingleOrDefaultAsync(v => v.ResidentId == residentId, cancellationToken)
            ?? throw new NotFoundException(Text.Get("Volunteer.NotSignedUp"));
        volunteer.Withdraw(userId, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
