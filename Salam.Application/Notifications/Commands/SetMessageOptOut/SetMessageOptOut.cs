using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Security;
using Salam.Domain.Notifications;
using Salam.Domain.People;

namespace Salam.Application.Notifications.Commands.SetMessageOptOut;

/// <summary>
/// A resident turns one kind of message off (or back on) for themselves. Messages of that kind already queued are not sent:
/// the drainer checks the choice again just before it sends.
/// </summary>
[AllowedRoles(Role.Resident)]
public sealed record SetMessageOptOut(MessageKind Kind, bool Off) : ICommand, ICallerScoped;

public sealed class SetMessageOptOutValidator : AbstractValidator<SetMessageOptOut>
{
    public SetMessageOptOutValidator() =>
        RuleFor(c => c.Kind).Must(kind => MessageKinds.ResidentChoosable.Contains(kind)).WithMessage(_ => Text.Get("Messages.KindNotChoosable"));
}

public sealed class SetMessageOptOutHandler(ISalamDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<SetMessageOptOut>
{
    public async ValueTask<Unit> Handle(SetMessageOptOut command, CancellationToken cancellationToken)
    {
        var residentId = await db.Residents.Where(r => r.Id == user.ResidentId).Select(r => (int?)r.Id).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException(Text.Get("NotFound.Resident"));
        var existing = await db.MessageOptOuts.SingleOrDefaultAsync(o => o.ResidentId == residentId && o.Kind == command.Kind, cancellationToken);
        // Saying the same twice (a form sent again) changes nothing.
        if (command.Off && existing is null) db.MessageOptOuts.Add(new MessageOptOut(residentId, command.Kind, clock.GetUtcNow()));
        else if (!command.Off && existing is not null) db.MessageOptOuts.Remove(existing);
        else return Unit.Value;
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
