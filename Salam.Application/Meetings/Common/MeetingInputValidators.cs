using System.Linq.Expressions;
using FluentValidation;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Time;
using Salam.Domain.Duties;
using Salam.Domain.Meetings;
using Salam.Domain.People;

namespace Salam.Application.Meetings.Common;

/// <summary>An organisation as a form names it: an agency by id, any other group by a name.</summary>
public sealed class OrganisationInputValidator : AbstractValidator<OrganisationInput>
{
    public OrganisationInputValidator()
    {
        RuleFor(o => o.Kind).IsInEnum().WithMessage(_ => Text.Get("Meeting.OrganisationInvalid"));
        RuleFor(o => o.AgencyId).NotNull().When(o => o.Kind == OrganisationKind.Agency).WithMessage(_ => Text.Get("Meeting.OrganisationInvalid"));
        RuleFor(o => o.Name).Must(n => !string.IsNullOrWhiteSpace(n)).When(o => o.Kind != OrganisationKind.Agency)
            .WithMessage(_ => Text.Get("Meeting.OrganisationNameRequired"));
        RuleFor(o => o.Name).Must(n => n is null || n.Trim().Length <= MeetingOrganisation.MaxNameLength)
            .WithMessage(_ => Text.Get("Meeting.OrganisationNameTooLong", MeetingOrganisation.MaxNameLength));
    }
}

/// <summary>Organisation lists: at least one, within the cap, each well formed and named once.</summary>
public static class OrganisationListRules
{
    public static void Organisations<T>(this AbstractValidator<T> validator, Expression<Func<T, IReadOnlyList<OrganisationInput>>> list, string emptyKey)
    {
        var read = list.Compile();
        validator.RuleFor(list).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage(_ => Text.Get(emptyKey))
            .Must(l => l.Count > 0).WithMessage(_ => Text.Get(emptyKey))
            .Must(l => l.Count <= Meeting.MaxOrganisations).WithMessage(_ => Text.Get("Meeting.TooManyOrganisations", Meeting.MaxOrganisations))
            .Must(l => l.All(o => o is not null)).WithMessage(_ => Text.Get("Meeting.OrganisationInvalid"))
            .Must(l => l.Select(o => o.Key()).Distinct().Count() == l.Count).WithMessage(_ => Text.Get("Meeting.OrganisationTwice"));
        // Each one only once the list itself is sound: a tampered list of thousands is refused by its size alone.
        var each = Expression.Lambda<Func<T, IEnumerable<OrganisationInput>>>(list.Body, list.Parameters);
        validator.RuleForEach(each).SetValidator(new OrganisationInputValidator())
            .When(c => read(c) is { Count: <= Meeting.MaxOrganisations } l && l.All(o => o is not null));
    }
}

/// <summary>An agenda item: a top need or a late duty by id, or free text; every item keeps a short text.</summary>
public sealed class AgendaInputValidator : AbstractValidator<AgendaInput>
{
    public AgendaInputValidator()
    {
        RuleFor(a => a.Kind).IsInEnum().WithMessage(_ => Text.Get("Meeting.AgendaItemInvalid"));
        RuleFor(a => a.NeedId).NotNull().When(a => a.Kind == AgendaItemKind.TopNeed).WithMessage(_ => Text.Get("Meeting.AgendaItemInvalid"));
        RuleFor(a => a.DutyId).NotNull().When(a => a.Kind == AgendaItemKind.LateDuty).WithMessage(_ => Text.Get("Meeting.AgendaItemInvalid"));
        RuleFor(a => a.Text).Cascade(CascadeMode.Stop)
            .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage(_ => Text.Get("Meeting.AgendaItemTextRequired"))
            .Must(t => t.Trim().Length <= AgendaItem.MaxTextLength).WithMessage(_ => Text.Get("Meeting.AgendaItemTooLong", AgendaItem.MaxTextLength));
    }
}

/// <summary>A decision as the form fills it in, checked before anything is read: what its kind needs, lengths, and a due date from today on.</summary>
public sealed class DecisionDraftValidator : AbstractValidator<DecisionDraft>
{
    /// <summary>As for a duty assigned by hand: further out is a slip of the calendar.</summary>
    public const int MaxDaysAhead = 730;

    public DecisionDraftValidator(TimeProvider clock)
    {
        RuleFor(d => d.Kind).IsInEnum().WithMessage(_ => Text.Get("Decision.KindInvalid"));
        RuleFor(d => d.Title).Cascade(CascadeMode.Stop)
            .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage(_ => Text.Get("Duty.TitleRequired"))
            .Must(t => t.Trim().Length <= Duty.MaxTitleLength).WithMessage(_ => Text.Get("Duty.TitleTooLong", Duty.MaxTitleLength));
        RuleFor(d => d.Details).Must(d => (d ?? "").Trim().Length <= Duty.MaxDescriptionLength)
            .WithMessage(_ => Text.Get("Duty.DescriptionTooLong", Duty.MaxDescriptionLength));
        When(d => d.Kind == DecisionKind.AgencyDuty, () =>
        {
            RuleFor(d => d.AgencyId).NotNull().WithMessage(_ => Text.Get("Decision.AgencyRequired"));
            RuleFor(d => d.DueDate).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage(_ => Text.Get("Decision.DueDateRequired"))
                // Today in Tehran, as a duty's due date is judged.
                .Must(due => due >= clock.Today()).WithMessage(_ => Text.Get("Duty.DueDateInPast"))
                .Must(due => due <= clock.Today().AddDays(MaxDaysAhead)).WithMessage(_ => Text.Get("Dates.DueTooFar"));
        });
        When(d => d.Kind == DecisionKind.VolunteerNeed, () =>
        {
            RuleFor(d => d.NeedId).NotNull().WithMessage(_ => Text.Get("Decision.NeedRequired"));
            RuleFor(d => d.Skills).Must(s => s != VolunteerSkill.None).WithMessage(_ => Text.Get("Decision.SkillRequired"));
        });
    }
}
