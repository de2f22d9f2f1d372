using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Security;
using Salam.Application.Residents.Common;
using Salam.Domain.People;

namespace Salam.Application.Residents.Commands.CorrectMyDetails;

/// <summary>A resident corrects the spelling of their own name; their sign-in account's name follows.</summary>
[AllowedRoles(Role.Resident)]
public sealed record RenameMe(string FullName) : ICommand, ICallerScoped;

public sealed class RenameMeValidator : AbstractValidator<RenameMe>
{
    public RenameMeValidator() => RuleFor(c => c.FullName).ValidName();
}

public sealed class RenameMeHandler(ISalamDbContext db, ICurrentUser user, IResidentAccounts accounts) : ICommandHandler<RenameMe>
{
    public async ValueTask<Unit> Handle(RenameMe command, CancellationToken cancellationToken)
    {
        var resident = await db.Residents.SingleOrDefaultAsync(r => r.Id == user.ResidentId, cancellationToken)
            ?? throw new NotFoundException(Text.Get("NotFound.Resident"));
        resident.Rename(command.FullName);
        await accounts.FollowAsync(resident.Id, MobileNumber.Parse(resident.Mobile), resident.FullName, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
