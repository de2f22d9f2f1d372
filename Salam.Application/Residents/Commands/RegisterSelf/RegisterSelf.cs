using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Security;
using Salam.Application.Residents.Common;
using Salam.Domain.People;

namespace Salam.Application.Residents.Commands.RegisterSelf;

/// <summary>
/// A person registers themselves: pending until a facilitator of the chosen neighbourhood decides. Sent by the registration
/// gate (as the system, since the person has no account yet) only after the mobile was proven with a code.
/// </summary>
[AllowedRoles(AllowSystem = true)]
public sealed record RegisterSelf(string Mobile, string FullName, string NationalId, int NeighbourhoodId) : ICommand<int>, INationalScoped;

public sealed class RegisterSelfValidator : AbstractValidator<RegisterSelf>
{
    public RegisterSelfValidator()
    {
        RuleFor(c => c.FullName).ValidName();
        RuleFor(c => c.Mobile).ValidMobile();
        RuleFor(c => c.NationalId).ValidNationalId();
    }
}

public sealed class RegisterSelfHandler(ISalamDbContext db, TimeProvider clock) : ICommandHandler<RegisterSelf, int>
{
    public async ValueTask<int> Handle(RegisterSelf command, CancellationToken cancellationToken)
    {
        var (mobile, nationalId) = (MobileNumber.Parse(command.Mobile), NationalId.Parse(command.NationalId));
        // Only a place in use, all the way up: the form offers no other, and a tampered id is refused the same way.
        if (!await db.Neighbourhoods.AnyAsync(n => n.Id == command.NeighbourhoodId && n.IsActive && n.County!.IsActive && n.County.Province!.IsActive, cancellationToken))
            throw new ValidationFailedException(new Dictionary<string, string[]> { ["NeighbourhoodId"] = [Text.Get("Registration.ChooseNeighbourhood")] });
        await ResidentClash.EnsureNoneAsync(db, mobile, nationalId, null, cancellationToken);

        var resident = Resident.SelfRegistered(command.NeighbourhoodId, command.FullName, mobile, nationalId, clock.GetUtcNow());
        db.Residents.Add(resident);
        await ResidentClash.SaveAsync(db, mobile, nationalId, null, cancellationToken);
        return resident.Id;
    }
}
