using Mediator;
using Salam.Application.Common.Security;

namespace Salam.Application.Notifications.Commands.QueueRoundClosingReminders;

/// <summary>Daily: texts the residents of every round that closes tomorrow who have not voted yet, once per round.</summary>
[AllowedRoles(AllowSystem = true)]
public sealed record QueueRoundClosingReminders : ICommand<int>, INationalScoped;

// Contract stub for issue 18: the residents' messages helper implements it.
public sealed class QueueRoundClosingRemindersHandler : ICommandHandler<QueueRoundClosingReminders, int>
{
    public ValueTask<int> Handle(QueueRoundClosingReminders command, CancellationToken cancellationToken) =>
        throw new NotImplementedException("issue 18: round closing reminders");
}
