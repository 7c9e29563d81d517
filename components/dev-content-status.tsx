import { getDevContentStatus } from '@/lib/content';
import { formatProblem } from '@/lib/content/errors';
import { ContentRefresher } from './content-refresher';

/**
 * `next dev` only: keeps the page in step with posts/ and lists the posts left out because they
 * cannot be built, with file:line, so a broken post never hides behind a 404.
 */
export function DevContentStatus() {
  const { problems, warnings, version } = getDevContentStatus();
  return (
    <>
      <ContentRefresher version={version} />
      {problems.length || warnings.length ? (
        <aside
          role="status"
          data-testid="dev-content-status"
          className="fixed right-2 bottom-2 left-16 z-50 max-h-[40vh] overflow-auto rounded-lg border border-red-300 bg-red-50 p-4 font-mono text-xs text-red-900 shadow-lg"
        >
          {problems.length ? (
            <>
              <p className="mb-1 font-sans text-sm font-semibold">
                {problems.length === 1 ? '1 post is' : `${problems.length} posts are`} left out until fixed:
              </p>
              <ul className="mb-2 list-disc pl-5">
                {problems.map((problem) => (
                  <li key={formatProblem(problem)}>{formatProblem(problem)}</li>
                ))}
              </ul>
            </>
          ) : null}
          {warnings.length ? (
            <>
              <p className="mb-1 font-sans text-sm font-semibold text-amber-900">Warnings:</p>
              <ul className="list-disc pl-5 text-amber-900">
                {warnings.map((warning) => (
                  <li key={formatProblem(warning)}>{formatProblem(warning)}</li>
                ))}
              </ul>
            </>
          ) : null}
        </aside>
      ) : null}
    </>
  );
}
