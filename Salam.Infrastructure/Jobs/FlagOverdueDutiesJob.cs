using Mediator;
using Salam.Application.Duties.Commands.FlagOverdueDuties;
using Salam.Infrastructure.Identity;

namespace Salam.Infrastructure.Jobs;

/// <summary>Daily, early morning in Tehran: marks duties that passed their due date and notifies their agencies.</summary>
public sealed class FlagOverdueDutiesJob(IMediator mediator, CurrentUser currentUser)
{
    public const string Id = "flag-overdue-duties";
    public const string Schedule = "0 2 * * *";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        currentUser.UseSystem();
        await mediator.Send(new FlagOverdueDuties(), cancellationToken);
    }
}
