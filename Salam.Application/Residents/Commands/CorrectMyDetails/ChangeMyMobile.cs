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

/// <summary>
/// A resident enters the code texted to their new mobile: the number changes, and their sign-in account's user name and phone
/// follow it in the same transaction. Without the right code nothing changes.
/// </summary>
[AllowedRoles(Role.Resident)]
public sealed record ChangeMyMobile(string NewMobile, string Code) : ICommand, ICallerScoped;

public sealed class ChangeMyMobileValidator : AbstractValidator<ChangeMyMobile>
{
    public ChangeMyMobileValidator() => RuleFor(c => c.NewMobile).ValidMobile();
}

public sealed class ChangeMyMobileHandler(ISalamDbContext db, ICurrentUser user, IMobileVerification verification, IResidentAccounts accounts)
    : ICommandHandler<ChangeMyMobile>
{
    public async ValueTask<Unit> Handle(ChangeMyMobile command, CancellationToken cancellationToken)
    {
        var mobile = MobileNumber.Parse(command.NewMobile);
        await MobileChange.EnsureFreeAsync(db, user, mobile, cancellationToken);
        if (await verification.VerifyAsync(mobile, command.Code, cancellationToken) is { } wrong)
            throw new ValidationFailedException(new Dictionary<string, string[]> { ["Code"] = [Text.Get(wrong)] });

        var resident = await db.Residents.SingleAsync(r => r.Id == user.ResidentId, cancellationToken);
        resident.ChangeMobile(mobile);
        await accounts.FollowAsync(resident.Id, mobile, resident.FullName, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (db.IsUniqueViolation(exception))
        {
            // Another resident (or account) took the number between the check and the save.
            db.DiscardChanges();
            throw MobileChange.Refuse("Residents.MobileTaken");
        }
        return Unit.Value;
    }
}
