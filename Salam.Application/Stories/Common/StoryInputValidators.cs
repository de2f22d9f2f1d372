using FluentValidation;
using Salam.Application.Common.Localization;

namespace Salam.Application.Stories.Common;

/// <summary>The version a story form showed: every change to an existing story names it.</summary>
public static class StoryRules
{
    public static void VersionRule<T>(this AbstractValidator<T> validator, Func<T, Guid?> version) =>
        validator.RuleFor(c => version(c)).Must(v => v is { } seen && seen != Guid.Empty).OverridePropertyName("Version")
            .WithMessage(_ => Text.Get("Story.ChangedMeanwhile"));
}
