using FluentValidation;
using Salam.Application.Common.Localization;
using Salam.Application.Meetings.Common;
using Salam.Domain.Meetings;

namespace Salam.Application.Meetings.Commands.PlanMeeting;

public sealed class PlanMeetingValidator : AbstractValidator<PlanMeeting>
{
    /// <summary>Two years, as for due dates: further out is a year picked wrong, not a plan.</summary>
    public const int MaxDaysAhead = 730;

    public PlanMeetingValidator(TimeProvider clock)
    {
        RuleFor(c => c.Kind).Cascade(CascadeMode.Stop)
            .IsInEnum().WithMessage(_ => Text.Get("Meeting.KindInvalid"))
            .Must((c, kind) => MeetingInputs.KindsFor(MeetingInputs.ScopeOf(c.CountyId, c.NeighbourhoodId)).Contains(kind))
            .WithMessage(_ => Text.Get("Meeting.KindNotForScope"));
        RuleFor(c => c.Title).Cascade(CascadeMode.Stop)
            .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage(_ => Text.Get("Meeting.TitleRequired"))
            .Must(t => t.Trim().Length <= Meeting.MaxTitleLength).WithMessage(_ => Text.Get("Meeting.TitleTooLong", Meeting.MaxTitleLength));
        RuleFor(c => c.Place).Cascade(CascadeMode.Stop)
            .Must(p => !string.IsNullOrWhiteSpace(p)).WithMessage(_ => Text.Get("Meeting.PlaceRequired"))
            .Must(p => p.Trim().Length <= Meeting.MaxPlaceLength).WithMessage(_ => Text.Get("Meeting.PlaceTooLong", Meeting.MaxPlaceLength));
        // A meeting is planned ahead: one already under way is recorded by holding it, not planned.
        RuleFor(c => c.StartsAt)
            .Must(at => at > clock.GetUtcNow()).WithMessage(_ => Text.Get("Meeting.StartsInPast"))
            .Must(at => at <= clock.GetUtcNow().AddDays(MaxDaysAhead)).WithMessage(_ => Text.Get("Meeting.StartsTooFar"));
        this.Organisations(c => c.Invited, "Meeting.NoOrganisationInvited");
        RuleFor(c => c.Agenda).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage(_ => Text.Get("Meeting.AgendaItemInvalid"))
            .Must(a => a.Count <= Meeting.MaxAgendaItems).WithMessage(_ => Text.Get("Meeting.TooManyAgendaItems", Meeting.MaxAgendaItems))
            .Must(a => a.All(i => i is not null)).WithMessage(_ => Text.Get("Meeting.AgendaItemInvalid"));
        RuleForEach(c => c.Agenda).SetValidator(new AgendaInputValidator())
            .When(c => c.Agenda is { Count: <= Meeting.MaxAgendaItems } agenda && agenda.All(i => i is not null));
    }
}
