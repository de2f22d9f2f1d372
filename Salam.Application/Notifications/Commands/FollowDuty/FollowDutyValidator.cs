using FluentValidation;
using Salam.Application.Common.Localization;

namespace Salam.Application.Notifications.Commands.FollowDuty;

public sealed class FollowDutyValidator : AbstractValidator<FollowDuty>
{
    public FollowDutyValidator() => RuleFor(c => c.DutyId).GreaterThan(0).WithMessage(_ => Text.Get("Messages.FollowDutyInvalid"));
}
