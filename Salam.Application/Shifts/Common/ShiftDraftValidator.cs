using FluentValidation;
using Salam.Application.Common.Localization;
using Salam.Domain.People;
using Salam.Domain.Shifts;

namespace Salam.Application.Shifts.Common;

/// <summary>A shift's description as a form sends it, checked before anything is read; the domain checks the same again.</summary>
public sealed class ShiftDraftValidator : AbstractValidator<ShiftDraft>
{
    public ShiftDraftValidator()
    {
        RuleFor(d => d.Title).Cascade(CascadeMode.Stop)
            .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage(_ => Text.Get("Shift.TitleRequired"))
            .Must(t => t.Trim().Length <= Shift.MaxTitleLength).WithMessage(_ => Text.Get("Shift.TitleTooLong", Shift.MaxTitleLength));
        RuleFor(d => d.Place).Cascade(CascadeMode.Stop)
            .Must(p => !string.IsNullOrWhiteSpace(p)).WithMessage(_ => Text.Get("Shift.PlaceRequired"))
            .Must(p => p.Trim().Length <= Shift.MaxPlaceLength).WithMessage(_ => Text.Get("Shift.PlaceTooLong", Shift.MaxPlaceLength));
        RuleFor(d => d.EndsAt).Cascade(CascadeMode.Stop)
            .Must((d, ends) => ends > d.StartsAt).WithMessage(_ => Text.Get("Shift.EndsBeforeStart"))
            .Must((d, ends) => ends - d.StartsAt <= Shift.MaxLength).WithMessage(_ => Text.Get("Shift.TooLong", (int)Shift.MaxLength.TotalHours));
        RuleFor(d => d.Skill).Must(s => s == VolunteerSkill.None || (VolunteerFlags.IsKnown(s) && VolunteerFlags.Count(s) == 1))
            .WithMessage(_ => Text.Get("Shift.SkillInvalid"));
        RuleFor(d => d.Places).InclusiveBetween(1, Shift.MaxPlaces).WithMessage(_ => Text.Get("Shift.PlacesOutOfRange", 1, Shift.MaxPlaces));
    }
}

/// <summary>When a new shift (or national day) may start: after now, and not beyond a calendar slip.</summary>
public static class ShiftTimeRules
{
    /// <summary>Two years, as for meetings: further out is a year picked wrong, not a plan.</summary>
    public const int MaxDaysAhead = 730;

    public static IRuleBuilderOptions<T, DateTimeOffset> Coming<T>(this IRuleBuilder<T, DateTimeOffset> rule, TimeProvider clock) => rule
        .Must(at => at > clock.GetUtcNow()).WithMessage(_ => Text.Get("Shift.StartsInPast"))
        .Must(at => at <= clock.GetUtcNow().AddDays(MaxDaysAhead)).WithMessage(_ => Text.Get("Shift.StartsTooFar", MaxDaysAhead));
}
