using Mediator;
using Salam.Application.Rounds.Commands.CloseDueRounds;
using Salam.Infrastructure.Identity;

namespace Salam.Infrastructure.Jobs;

/// <summary>Recurring: closes and counts the rounds whose window has passed. Thin: it sends one command as the system.</summary>
public sealed class CloseDueRoundsJob(IMediator mediator, CurrentUser currentUser)
{
    public const string Id = "close-due-rounds";
    public const string Schedule = "*/5 * * * *";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        currentUser.UseSystem();
        await mediator.Send(new CloseDueRounds(), cancellationToken);
    }
}
