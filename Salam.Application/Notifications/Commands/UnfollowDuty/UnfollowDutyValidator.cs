using FluentValidation;
using Salam.Application.Common.Localization;

namespace Salam.Application.Notifications.Commands.UnfollowDuty;

public sealed class UnfollowDutyValidator : AbstractValidator<UnfollowDuty>
{
    public UnfollowDutyValidator() => RuleFor(c => c.DutyId).GreaterThan(0).WithMessage(_ => Text.Get("Messages.FollowDutyInvalid"));
}
