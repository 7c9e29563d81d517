import { getDevContentStatus } from '@/lib/content';
import { formatProblem, type ContentProblem } from '@/lib/content/errors';
import { ContentRefresher } from './content-refresher';

type ProblemListProps = { title: string; problems: readonly ContentProblem[]; className?: string };

function ProblemList({ title, problems, className = '' }: ProblemListProps) {
  if (!problems.length) return null;
  return (
    <div className={`mb-2 ${className}`}>
      <p className="mb-1 font-sans text-sm font-semibold">{title}</p>
      <ul className="list-disc pl-5">
        {problems.map((problem) => (
          <li key={formatProblem(problem)}>{formatProblem(problem)}</li>
        ))}
      </ul>
    </div>
  );
}

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
          <ProblemList
            title={`${problems.length === 1 ? '1 post is' : `${problems.length} posts are`} left out until fixed:`}
            problems={problems}
          />
          <ProblemList title="Warnings:" problems={warnings} className="text-amber-900" />
        </aside>
      ) : null}
    </>
  );
}
