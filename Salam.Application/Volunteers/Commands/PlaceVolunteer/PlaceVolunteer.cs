using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Security;
using Salam.Application.Notifications.Common;
using Salam.Domain.Common;
using Salam.Domain.Notifications;
using Salam.Domain.People;

namespace Salam.Application.Volunteers.Commands.PlaceVolunteer;

/// <summary>A facilitator places a volunteer on one duty or one need of their neighbourhoods.</summary>
[AllowedRoles(Role.Facilitator, Role.ProvinceOfficer)]
public sealed record PlaceVolunteer(int VolunteerId, int? DutyId, int? NeedId) : ICommand<int>, IScoped
{
    // Both ends are checked: a tampered id must reach neither a volunteer nor a duty outside the caller's scope.
    IEnumerable<ScopeTarget> IScoped.ScopeTargets() =>
        [ScopeTarget.Volunteer(VolunteerId), .. ScopeTarget.IfAny(DutyId, ScopeTarget.Duty), .. ScopeTarget.IfAny(NeedId, ScopeTarget.Need)];
}

public sealed class PlaceVolunteerValidator : AbstractValidator<PlaceVolunteer>
{
    public PlaceVolunteerValidator() =>
        RuleFor(c => c.DutyId).Must((c, _) => c.DutyId is null != c.NeedId is null).WithMessage(_ => Text.Get("Placement.OneTarget"));
}

public sealed class PlaceVolunteerHandler(ISalamDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<PlaceVolunteer, int>
{
    public async ValueTask<int> Handle(PlaceVolunteer command, CancellationToken cancellationToken)
    {
        var volunteer = await db.Volunteers.SingleOrDefaultAsync(v => v.Id == command.VolunteerId, cancellationToken)
            ?? throw new NotFoundException(Text.Get("NotFound.Volunteer"));
        var (by, now) = (user.UserId!.Value, clock.GetUtcNow());

        Placement placement;
        (string Title, string Topic) about;
        if (command.DutyId is { } dutyId)
        {
            var duty = await db.Duties.SingleOrDefaultAsync(d => d.Id == dutyId, cancellationToken) ?? throw new NotFoundException(Text.Get("NotFound.Duty"));
            if (await db.Placements.AnyAsync(p => p.VolunteerId == volunteer.Id && p.DutyId == dutyId, cancellationToken)) throw new DomainException("Placement.Duplicate");
            placement = Placement.OnDuty(volunteer, duty, by, now);
            about = (duty.Title, $"volunteer:{volunteer.Id}:duty:{duty.Id}");
        }
        else
        {
            var need = await db.Needs.SingleOrDefaultAsync(n => n.Id == command.NeedId, cancellationToken) ?? throw new NotFoundException(Text.Get("NotFound.Need"));
            if (await db.Placements.AnyAsync(p => p.VolunteerId == volunteer.Id && p.NeedId == need.Id, cancellationToken)) throw new DomainException("Placement.Duplicate");
            placement = Placement.OnNeed(volunteer, need, by, now);
            about = (need.Title, $"volunteer:{volunteer.Id}:need:{need.Id}");
        }
        db.Placements.Add(placement);
        // The volunteer hears of it by SMS in the same save (a volunteer is a resident: their choice and language apply); the title
        // is cut so the text and its footer fit two parts.
        await db.QueueSmsToResidentsAsync(db.Residents.Where(r => r.Id == volunteer.ResidentId), MessageKind.VolunteerPlaced, about.Topic,
            language => MessageText.Render(language, "Messages.VolunteerPlaced", MessageText.Fit(about.Title, 36)), now, null, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return placement.Id;
    }
}
