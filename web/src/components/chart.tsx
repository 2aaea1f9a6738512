/**
 * An ECharts chart in a React component: made once, given new options as they change,
 * resized with its box (the layout works from 390 px to wide screens), disposed on unmount.
 * Only the chart kinds and parts the UI uses are bundled.
 */
import { BarChart, LineChart } from 'echarts/charts';
import {
  AriaComponent,
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([
  AriaComponent,
  BarChart,
  CanvasRenderer,
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  LineChart,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
]);

export type ChartOption = echarts.EChartsCoreOption;

interface ChartProps {
  readonly option: ChartOption;
  /** What the chart shows, for people who cannot see it; a table beside it gives the numbers. */
  readonly label: string;
  readonly height?: number;
  readonly testId?: string;
}

export function Chart({ option, label, height = 320, testId }: ChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | undefined>(undefined);

  useEffect(() => {
    const element = box.current;
    if (element === null) return;
    const made = echarts.init(element, undefined, { renderer: 'canvas' });
    chart.current = made;
    const observer = new ResizeObserver(() => {
      made.resize();
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      made.dispose();
      chart.current = undefined;
    };
  }, []);

  useEffect(() => {
    // The chart library writes its own aria-label on the element: it is given ours, a
    // sentence of what the chart shows, rather than its list of the first data points.
    const aria = typeof option.aria === 'object' && option.aria !== null ? option.aria : {};
    chart.current?.setOption(
      { ...option, aria: { ...aria, enabled: true, label: { description: label } } },
      { notMerge: true },
    );
  }, [option, label]);

  return (
    <div ref={box} role="img" aria-label={label} className="chart" style={{ height }} data-testid={testId} />
  );
}
