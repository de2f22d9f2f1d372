using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Security;
using Salam.Domain.People;

namespace Salam.Application.Notifications.Commands.RetryMessage;

/// <summary>
/// The administrator sends a dead message again: it waits in the outbox with a fresh count of attempts and the same
/// idempotency key, so a provider that did take it the first time does not deliver it twice.
/// </summary>
[AllowedRoles(Role.Admin)]
public sealed record RetryMessage(int MessageId) : ICommand, INationalScoped;

public sealed class RetryMessageValidator : AbstractValidator<RetryMessage>
{
    public RetryMessageValidator() => RuleFor(c => c.MessageId).GreaterThan(0).WithMessage(_ => Text.Get("Messages.NotFound"));
}

public sealed class RetryMessageHandler(ISalamDbContext db, TimeProvider clock) : ICommandHandler<RetryMessage>
{
    public async ValueTask<Unit> Handle(RetryMessage command, CancellationToken cancellationToken)
    {
        var message = await db.OutboxMessages.SingleOrDefaultAsync(m => m.Id == command.MessageId, cancellationToken)
            ?? throw new NotFoundException(Text.Get("Messages.NotFound"));
        message.Retry(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
