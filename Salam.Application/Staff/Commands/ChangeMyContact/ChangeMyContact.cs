using FluentValidation;
using Mediator;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Security;
using Salam.Application.Staff.Common;
using Salam.Domain.People;

namespace Salam.Application.Staff.Commands.ChangeMyContact;

/// <summary>A staff member sets where (an e-mail address, or none: no e-mail) and in which language their own messages are written.</summary>
[AllowedRoles(Role.Facilitator, Role.AgencyManager, Role.ProvinceOfficer, Role.MinistryStaff, Role.Admin)]
public sealed record ChangeMyContact(string? Email, string Language) : ICommand, ICallerScoped;

public sealed class ChangeMyContactValidator : AbstractValidator<ChangeMyContact>
{
    public ChangeMyContactValidator()
    {
        RuleFor(c => c.Email).ValidStaffEmail();
        RuleFor(c => c.Language).Must(l => Languages.All.Contains(l)).WithMessage(_ => Text.Get("Messages.LanguageInvalid"));
    }
}

public sealed class ChangeMyContactHandler(IStaffAccounts accounts, ICurrentUser user) : ICommandHandler<ChangeMyContact>
{
    public async ValueTask<Unit> Handle(ChangeMyContact command, CancellationToken cancellationToken)
    {
        var userId = user.UserId ?? throw new NotFoundException(Text.Get("NotFound.StaffAccount"));
        if (await accounts.ContactAsync(userId, cancellationToken) is null) throw new NotFoundException(Text.Get("NotFound.StaffAccount"));
        await accounts.SetContactAsync(userId, StaffEmail.Normalise(command.Email), command.Language, cancellationToken);
        return Unit.Value;
    }
}
