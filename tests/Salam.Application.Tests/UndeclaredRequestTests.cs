using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Salam.Application.Common.Behaviours;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Security;
using Salam.Domain.People;
using Salam.Infrastructure.Identity;

namespace Salam.Application.Tests;

/// <summary>The pipeline fails closed: a request that declares no scope is refused even to an administrator, and its handler never runs.</summary>
public sealed class UndeclaredRequestTests(DemoCountryFixture fixture) : IClassFixture<DemoCountryFixture>
{
    [AllowedRoles(Role.Admin)]
    public sealed record Undeclared : IQuery<int>;

    [AllowedRoles(Role.Admin)]
    public sealed record Declared : IQuery<int>, INationalScoped;

    [Fact]
    public async Task A_request_without_a_scope_declaration_is_refused_before_its_handler()
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var user = scope.ServiceProvider.GetRequiredService<CurrentUser>();
        user.Use(await fixture.App.PrincipalOfAsync("admin"));
        var handled = 0;

        await Assert.ThrowsAsync<ForbiddenException>(async () => await new AuthorizationBehaviour<Undeclared, int>(user, NullLogger<AuthorizationBehaviour<Undeclared, int>>.Instance)
            .Handle(new Undeclared(), (_, _) => new ValueTask<int>(++handled), CancellationToken.None));
        var declared = await new AuthorizationBehaviour<Declared, int>(user, NullLogger<AuthorizationBehaviour<Declared, int>>.Instance)
            .Handle(new Declared(), (_, _) => new ValueTask<int>(++handled), CancellationToken.None);

        Assert.Equal(1, declared); // only the declared request reached its handler
    }
}
