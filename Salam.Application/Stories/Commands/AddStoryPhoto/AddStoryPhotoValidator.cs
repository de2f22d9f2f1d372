using FluentValidation;
using Salam.Application.Common.Localization;
using Salam.Application.Stories.Common;
using Salam.Domain.Stories;

namespace Salam.Application.Stories.Commands.AddStoryPhoto;

/// <summary>Size and alt text, before the story is read or the upload decoded; what the bytes are is the photo processor's to judge.</summary>
public sealed class AddStoryPhotoValidator : AbstractValidator<AddStoryPhoto>
{
    public AddStoryPhotoValidator()
    {
        RuleFor(c => c.Upload).Cascade(CascadeMode.Stop)
            .Must(u => u is { Length: > 0 }).WithMessage(_ => Text.Get("Story.PhotoRequired"))
            .Must(u => u.Length <= StoryPhoto.MaxUploadBytes).WithMessage(_ => Text.Get("Story.PhotoTooLarge", StoryPhoto.MaxUploadBytes / (1024 * 1024)));
        RuleFor(c => c.AltText).Cascade(CascadeMode.Stop)
            .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage(_ => Text.Get("Story.AltTextRequired"))
            .Must(t => t.Trim().Length <= StoryPhoto.MaxAltTextLength).WithMessage(_ => Text.Get("Story.AltTextTooLong", StoryPhoto.MaxAltTextLength));
        this.VersionRule(c => c.Version);
    }
}
