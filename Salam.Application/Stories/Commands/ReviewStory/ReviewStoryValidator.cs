using FluentValidation;
using Salam.Application.Common.Localization;
using Salam.Application.Stories.Common;
using Salam.Domain.Stories;

namespace Salam.Application.Stories.Commands.ReviewStory;

public sealed class ApproveStoryValidator : AbstractValidator<ApproveStory>
{
    public ApproveStoryValidator() => this.VersionRule(c => c.Version);
}

/// <summary>A returned story tells its writer why: a reason is required.</summary>
public sealed class ReturnStoryValidator : AbstractValidator<ReturnStory>
{
    public ReturnStoryValidator()
    {
        RuleFor(c => c.Reason).Cascade(CascadeMode.Stop)
            .Must(r => !string.IsNullOrWhiteSpace(r)).WithMessage(_ => Text.Get("Story.ReasonRequired"))
            .Must(r => r.Trim().Length <= SuccessStory.MaxReasonLength).WithMessage(_ => Text.Get("Story.ReasonTooLong", SuccessStory.MaxReasonLength));
        this.VersionRule(c => c.Version);
    }
}
