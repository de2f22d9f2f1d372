using FluentValidation;
using Salam.Application.Shifts.Common;

namespace Salam.Application.Shifts.Commands.CreateNationalEvent;

public sealed class CreateNationalEventValidator : AbstractValidator<CreateNationalEvent>
{
    public CreateNationalEventValidator(TimeProvider clock)
    {
        // The same rules as one centre's shift: the event becomes one at every centre.
        RuleFor(c => new ShiftDraft(c.Title, c.Place, c.StartsAt, c.EndsAt, c.Skill, c.PlacesPerCentre)).SetValidator(new ShiftDraftValidator())
            .OverridePropertyName("Event");
        RuleFor(c => c.StartsAt).Coming(clock);
    }
}
