using FluentValidation;
using Salam.Application.Common.Localization;
using Salam.Application.Stories.Common;
using Salam.Domain.Stories;

namespace Salam.Application.Stories.Commands.WriteStory;

/// <summary>
/// A story's words, checked before anything is read. Markdown is stored as written (HTML in it is shown as text, never run), so
/// only presence and length are judged here.
/// </summary>
public sealed class WriteStoryValidator : AbstractValidator<WriteStory>
{
    public WriteStoryValidator()
    {
        RuleFor(c => c.Subject).IsInEnum().WithMessage(_ => Text.Get("Story.SubjectInvalid"));
        RuleFor(c => c.Title).Cascade(CascadeMode.Stop)
            .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage(_ => Text.Get("Story.TitleRequired"))
            .Must(t => t.Trim().Length <= SuccessStory.MaxTitleLength).WithMessage(_ => Text.Get("Story.TitleTooLong", SuccessStory.MaxTitleLength));
        RuleFor(c => c.Text).Cascade(CascadeMode.Stop)
            .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage(_ => Text.Get("Story.TextRequired"))
            .Must(t => t.Trim().Length <= SuccessStory.MaxTextLength).WithMessage(_ => Text.Get("Story.TextTooLong", SuccessStory.MaxTextLength));
        When(c => c.StoryId is not null, () => this.VersionRule(c => c.Version));
    }
}
