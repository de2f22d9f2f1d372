using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Salam.Application.Common.Behaviours;
using Salam.Application.Common.Security;
using Salam.Domain.Rounds.Counting;

namespace Salam.Application;

public static class DependencyInjection
{
    /// <summary>The mediator (Scoped, because handlers use a DbContext), its pipeline in order, validators and domain services.</summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddMediator(options =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.PipelineBehaviors =
            [
                typeof(LoggingBehaviour<,>),
                typeof(UnhandledExceptionBehaviour<,>),
                typeof(AuthorizationBehaviour<,>),
                typeof(ValidationBehaviour<,>),
                typeof(ScopeBehaviour<,>),
                typeof(PerformanceBehaviour<,>),
            ];
        });
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, includeInternalTypes: true);
        services.AddScoped<ScopeGuard>();
        services.AddScoped<ScopeResolver>();
        services.AddSingleton<ICountingMethod, BordaCount>();
        services.AddSingleton<ICountingMethod, SchulzeCount>();
        services.AddSingleton<ICountingMethod, EqualSharesCount>();
        return services;
    }
}
