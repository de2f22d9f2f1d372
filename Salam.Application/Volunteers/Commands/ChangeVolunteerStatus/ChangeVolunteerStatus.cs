using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Security;
using Salam.Domain.People;

namespace Salam.Application.Volunteers.Commands.ChangeVolunteerStatus;

/// <summary>A facilitator moves a volunteer of their neighbourhoods along (contacted, active, inactive); who and when are kept.</summary>
[AllowedRoles(Role.Facilitator, Role.ProvinceOfficer)]
public sealed record ChangeVolunteerStatus(int VolunteerId, VolunteerStatus To) : ICommand, IVolunteerScoped;

public sealed class ChangeVolunteerStatusValidator : AbstractValidator<ChangeVolunteerStatus>
{
    public ChangeVolunteerStatusValidator() =>
        RuleFor(c => c.To).IsInEnum().WithMessage(_ => Text.Get("Volunteer.StatusInvalid"));
}

public sealed class ChangeVolunteerStatusHandler(ISalamDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<ChangeVolunteerStatus>
{
    public async ValueTask<Unit> Handle(ChangeVolunteerStatus command, CancellationToken cancellationToken)
    {
        var volunteer = await db.Volunteers.SingleOrDefaultAsync(v => v.Id == command.VolunteerId, cancellationToken)
            ?? throw new NotFoundException(Text.Get("NotFound.Volunteer"));
        volunteer.MoveTo(command.To, user.UserId!.Value, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
