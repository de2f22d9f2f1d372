using FluentValidation;
using Salam.Application.Common.Localization;
using Salam.Domain.People;

namespace Salam.Application.Volunteers.Common;

/// <summary>What a resident offers when they volunteer: skills from the fixed list, hours a week, days, a note.</summary>
public interface IVolunteerOffer
{
    VolunteerSkill Skills { get; }
    int HoursPerWeek { get; }
    Weekdays Days { get; }
    string? Note { get; }
}

/// <summary>The offer's rules, checked before the domain sees it, so the form shows every problem at once.</summary>
public abstract class VolunteerOfferValidator<T> : AbstractValidator<T> where T : IVolunteerOffer
{
    protected VolunteerOfferValidator()
    {
        RuleFor(c => c.Skills).NotEqual(VolunteerSkill.None).WithMessage(_ => Text.Get("Volunteer.SkillRequired"))
            .Must(VolunteerFlags.IsKnown).WithMessage(_ => Text.Get("Volunteer.SkillUnknown"));
        RuleFor(c => c.HoursPerWeek).InclusiveBetween(Volunteer.MinHours, Volunteer.MaxHours)
            .WithMessage(_ => Text.Get("Volunteer.HoursOutOfRange", Volunteer.MinHours, Volunteer.MaxHours));
        RuleFor(c => c.Days).Must(d => d != Weekdays.None && VolunteerFlags.IsKnown(d)).WithMessage(_ => Text.Get("Volunteer.DaysRequired"));
        RuleFor(c => c.Note).MaximumLength(Volunteer.NoteMaxLength).WithMessage(_ => Text.Get("Volunteer.NoteTooLong", Volunteer.NoteMaxLength));
    }
}
