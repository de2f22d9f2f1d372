using FluentValidation;
using Salam.Application.Stories.Common;

namespace Salam.Application.Stories.Commands.SubmitStory;

public sealed class SubmitStoryValidator : AbstractValidator<SubmitStory>
{
    public SubmitStoryValidator() => this.VersionRule(c => c.Version);
}
