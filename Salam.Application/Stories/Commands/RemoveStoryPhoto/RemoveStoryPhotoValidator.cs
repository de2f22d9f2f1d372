using FluentValidation;
using Salam.Application.Stories.Common;

namespace Salam.Application.Stories.Commands.RemoveStoryPhoto;

public sealed class RemoveStoryPhotoValidator : AbstractValidator<RemoveStoryPhoto>
{
    public RemoveStoryPhotoValidator() => this.VersionRule(c => c.Version);
}
