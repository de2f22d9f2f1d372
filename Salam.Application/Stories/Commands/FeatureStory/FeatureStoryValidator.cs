using FluentValidation;
using Salam.Application.Stories.Common;

namespace Salam.Application.Stories.Commands.FeatureStory;

public sealed class FeatureStoryValidator : AbstractValidator<FeatureStory>
{
    public FeatureStoryValidator() => this.VersionRule(c => c.Version);
}
