using FluentValidation;
using Mediator;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Security;
using Salam.Domain.People;

namespace Salam.Application.Staff.Commands.ResetStaffPassword;

/// <summary>
/// Gives a staff account a temporary password (Identity's password rules apply), which must be changed at the next sign-in;
/// open sessions end and a lockout is lifted.
/// </summary>
[AllowedRoles(Role.Admin, Role.ProvinceOfficer)]
public sealed record ResetStaffPassword(int UserId, string NewPassword) : ICommand, IScoped
{
    IEnumerable<ScopeTarget> IScoped.ScopeTargets() => [ScopeTarget.StaffAccount(UserId)];

    // The password never reaches a log line.
    public override string ToString() => $"{nameof(ResetStaffPassword)} {{ {nameof(UserId)} = {UserId} }}";
}

public sealed class ResetStaffPasswordValidator : AbstractValidator<ResetStaffPassword>
{
    public ResetStaffPasswordValidator() =>
        RuleFor(c => c.NewPassword).NotEmpty().WithMessage(_ => Text.Get("Staff.PasswordRequired"));
}

public sealed class ResetStaffPasswordHandler(IStaffAccounts accounts) : ICommandHandler<ResetStaffPassword>
{
    public async ValueTask<Unit> Handle(ResetStaffPassword command, CancellationToken cancellationToken)
    {
        await accounts.ResetPasswordAsync(command.UserId, command.NewPassword, cancellationToken);
        return Unit.Value;
    }
}
