using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Trading.Risk.Account;

namespace Trading.Risk.Operator;

/// <summary>
/// The operator HTTP endpoint, under <c>/operator</c>, every request with <c>Authorization: Bearer &lt;Risk:Operator:Token&gt;</c>:
/// <c>GET state</c>, <c>POST kill-switch</c> (with <c>"flatten": true</c> also closes every position), <c>POST flatten</c>, <c>POST resume</c>, <c>GET limits</c>, <c>PUT limits</c>, <c>GET audit</c>,
/// <c>POST strategies/enable</c>. Without a configured token every request answers 503.
/// </summary>
public static class OperatorEndpoints
{
    public static IEndpointRouteBuilder MapRiskOperator(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/operator").AddEndpointFilter(RequireToken);
        group.MapGet("/state", async (RiskOperator op, CancellationToken ct) => Results.Json(await op.StateAsync(ct), LimitOverrides.Json));
        group.MapGet("/limits", async (RiskOperator op, CancellationToken ct) => Results.Json((await op.StateAsync(ct)).Limits, LimitOverrides.Json));
        group.MapPost("/kill-switch", async ([FromBody] OperatorRequest body, RiskOperator op, CancellationToken ct) =>
            Reason(body) is { } reason
                ? Results.Json(new { engaged = await op.KillAsync(reason, Actor(body), body.Flatten, ct), flattening = body.Flatten }, LimitOverrides.Json)
                : MissingReason());
        group.MapPost("/resume", async ([FromBody] OperatorRequest body, RiskOperator op, CancellationToken ct) =>
            Reason(body) is { } reason
                ? Results.Json(new { lifted = await op.ResumeAsync(reason, Actor(body), ct) }, LimitOverrides.Json)
                : MissingReason());
        group.MapPost("/flatten", async ([FromBody] OperatorRequest body, RiskOperator op, CancellationToken ct) =>
        {
            if (Reason(body) is not { } reason)
            {
                return MissingReason();
            }

            await op.FlattenAsync(reason, string.IsNullOrWhiteSpace(body.Symbol) ? null : body.Symbol.Trim(), Actor(body), ct);
            return Results.Json(new { flattening = body.Symbol ?? "every symbol" }, LimitOverrides.Json);
        });
        group.MapPut("/limits", ChangeLimitsAsync);
        group.MapGet("/audit", async (RiskOperator op, CancellationToken ct, int? count) =>
            Results.Json(await op.AuditAsync(Math.Clamp(count ?? 50, 1, 1_000), ct), LimitOverrides.Json));
        group.MapPost("/strategies/enable", async ([FromBody] OperatorRequest body, RiskOperator op, CancellationToken ct) =>
        {
            if (Reason(body) is not { } reason)
            {
                return MissingReason();
            }

            if (string.IsNullOrWhiteSpace(body.Strategy) || string.IsNullOrWhiteSpace(body.Symbol) || string.IsNullOrWhiteSpace(body.Interval))
            {
                return Results.Problem("strategy, symbol and interval are required.", statusCode: StatusCodes.Status400BadRequest);
            }

            return Results.Json(new { enabled = await op.EnableAsync(body.Strategy, body.Symbol, body.Interval, reason, Actor(body), ct) }, LimitOverrides.Json);
        });
        return app;
    }

    private static async Task<IResult> ChangeLimitsAsync([FromBody] OperatorRequest body, RiskOperator op, CancellationToken ct)
    {
        if (Reason(body) is not { } reason)
        {
            return MissingReason();
        }

        if (body.Limits is not { Count: > 0 } changes)
        {
            return Results.Problem("limits is required: an object of limit name → new value.", statusCode: StatusCodes.Status400BadRequest);
        }

        try
        {
            return Results.Json(await op.ChangeLimitsAsync(changes, reason, Actor(body), ct), LimitOverrides.Json);
        }
        catch (ArgumentException ex)
        {
            return Results.Problem(ex.Message, statusCode: StatusCodes.Status400BadRequest);
        }
    }

    private static async ValueTask<object?> RequireToken(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var token = http.RequestServices.GetRequiredService<RiskSettings>().Current.Operator.Token;
        var logger = http.RequestServices.GetRequiredService<ILogger<RiskOperator>>();
        if (string.IsNullOrEmpty(token))
        {
            Log.OperatorRefused(logger, http.Request.Path, "no token configured");
            return Results.Problem("The operator endpoint is off: set Risk__Operator__Token.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        var header = http.Request.Headers.Authorization.ToString();
        var given = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..] : "";
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(token)))
        {
            Log.OperatorRefused(logger, http.Request.Path, given.Length == 0 ? "no bearer token" : "wrong token");
            return Results.Problem("A valid bearer token is required.", statusCode: StatusCodes.Status401Unauthorized);
        }

        return await next(context);
    }

    private static string? Reason(OperatorRequest body) => string.IsNullOrWhiteSpace(body.Reason) ? null : body.Reason.Trim();

    private static string Actor(OperatorRequest body) => string.IsNullOrWhiteSpace(body.Actor) ? "operator" : body.Actor.Trim();

    private static IResult MissingReason() =>
        Results.Problem("reason is required: every operator action is audited with it.", statusCode: StatusCodes.Status400BadRequest);
}
